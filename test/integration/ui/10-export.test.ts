// Done means, step 3's export as a user would: Export NDJSON in the webview, answer VS Code's save dialog, read the file.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { DOCUMENT_ROWS, closeAllPanels, connect, renderedUntilClosed, startMockServer, testApi } from '../helpers';
import { askRunner } from '../runnerSteps';
import type { SaveDialogSeen } from '../workbenchUi';
import { redactedHeaderValue } from '../../../src/mock/requestLog';

const COOKIE_VALUE = 'export-cookie-secret';
const COOKIE = `session=${COOKIE_VALUE}`;
const TOKEN = 'export-bearer-secret';
const AUTHORIZATION = `Bearer ${TOKEN}`;

/** The row key of an exported line as the table shows it (JSON data compacted), so the file can be compared with what was rendered. */
function rowKeyOf(line: { kind: string; type?: string; data?: string }): string {
  return line.kind === 'event' ? `event:${line.type}:${compactJson(line.data ?? '')}` : line.kind;
}

function compactJson(data: string): string {
  try {
    return JSON.stringify(JSON.parse(data));
  } catch {
    return data;
  }
}

function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration workbench opened no workspace folder');
  return folder.uri.fsPath;
}

suite('exporting from the webview', () => {
  let mockUrl: string;
  let exportFolder: string;
  suiteSetup(async () => {
    mockUrl = await startMockServer();
    exportFolder = mkdtempSync(join(workspaceFolder(), 'exports-'));
  });
  teardown(async () => closeAllPanels(await testApi()));
  suiteTeardown(async () => {
    await (await testApi()).forgetStoredHeaders(mockUrl);
    await vscode.commands.executeCommand('sseInspector.stopMockServer');
    rmSync(exportFolder, { recursive: true, force: true });
  });

  test('Export NDJSON through the save dialog writes one line per rendered record and no Cookie or Authorization value, though both were sent', async () => {
    const api = await testApi();
    const before = api.mockRequests().length;
    // Typed in the Headers box: sent as typed, stored for the origin, and in no export.
    const panelId = await connect({ url: `${mockUrl}/sse?interval=0`, headers: `Cookie: ${COOKIE}\nAuthorization: ${AUTHORIZATION}` });
    assert.deepEqual((await renderedUntilClosed(api, panelId)).rowKeys, DOCUMENT_ROWS);
    const requests = api.mockRequests().slice(before);
    assert.equal(requests.length, 1);
    assert.equal(requests[0].headers.cookie, redactedHeaderValue(COOKIE), 'the typed Cookie did not reach the server');
    assert.equal(requests[0].headers.authorization, redactedHeaderValue(AUTHORIZATION), 'the typed Authorization did not reach the server');

    const target = join(exportFolder, 'records.ndjson');
    await askRunner('ui-export-ndjson-1');
    const dialog = (await askRunner('workbench-save-dialog-1', { path: target })) as SaveDialogSeen;
    assert.equal(dialog.title, 'Export SSE records');
    assert.match(dialog.offeredPath, /sse-records-[\dT-]+\.ndjson$/, `the dialog offered ${JSON.stringify(dialog.offeredPath)}`);

    // The panel says so once the file is written.
    assert.equal(await askRunner('ui-banner-1'), `Exported ${DOCUMENT_ROWS.length} records to ${target}.`);
    const text = readFileSync(target, 'utf8');
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; type?: string; data?: string; headers?: object });
    assert.deepEqual(lines.map(rowKeyOf), DOCUMENT_ROWS);
    const openHeaders = Object.keys(lines[0].headers ?? {}).map((name) => name.toLowerCase());
    assert.ok(openHeaders.includes('content-type'), `the open record's headers are ${JSON.stringify(openHeaders)}`);
    for (const secret of [COOKIE_VALUE, TOKEN]) {
      assert.equal(text.includes(secret), false, `the export contains the credential ${secret}`);
    }
    // The request as sent names its headers; a credential one only ever with the value masked.
    assert.equal(
      /"(authorization|cookie)":(?!"\[redacted\]")/i.test(text),
      false,
      'the export has an unmasked Authorization or Cookie field',
    );
  });
});
