// Asks where to save an export and writes it, through VS Code's save dialog and file system.
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { ExportFormat } from '../session/exportRecords';

/** Writes the (already redacted) export text; where the file went, or undefined when the user cancelled the dialog. */
export async function saveExport(text: string, format: ExportFormat): Promise<vscode.Uri | undefined> {
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(defaultFolder(), defaultFileName(format, new Date())),
    filters: format === 'ndjson' ? { 'NDJSON (one record per line)': ['ndjson', 'jsonl'] } : { JSON: ['json'] },
    title: 'Export SSE records',
    saveLabel: 'Export',
  });
  if (target === undefined) {
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  return target;
}

/** e.g. sse-records-2025-01-31T12-30-05.ndjson: sortable, and valid on every file system. */
export function defaultFileName(format: ExportFormat, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replaceAll(':', '-');
  return `sse-records-${stamp}.${format}`;
}

function defaultFolder(): vscode.Uri {
  return vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
}
