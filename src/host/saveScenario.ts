// Asks where in the workspace to save a scenario file, writes it and opens it in the editor.
import * as vscode from 'vscode';

export type SaveScenarioOutcome = { ok: true; where: string } | { ok: false; problem?: string };

/** Not ok without a problem when the user cancelled the dialog. */
export async function saveScenarioFile(text: string, fileName: string): Promise<SaveScenarioOutcome> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) {
    return {
      ok: false,
      problem: 'Save as scenario writes into the workspace, and no folder is open: open a folder (File > Open Folder…) and try again.',
    };
  }
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(folder.uri, fileName),
    filters: { 'SSE scenario (*.sse.json)': ['json'] },
    title: 'Save SSE session as scenario',
    saveLabel: 'Save scenario',
  });
  if (target === undefined) return { ok: false };
  await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  // Beside the panel, so the panel stays in view; the contributed schema checks it as soon as it opens.
  await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return { ok: true, where: target.scheme === 'file' ? target.fsPath : target.toString() };
}
