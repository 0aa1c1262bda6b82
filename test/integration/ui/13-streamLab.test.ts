// Issue 11's stream lab in the real host: workspace scenario files served by Start Mock Server and offered in the URL
// field, the contributed schema's diagnostics in the editor, and a panel's Replay in mock server and Save as scenario.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllPanels, connect, startMockServer, tableShowing, testApi, waitFor } from '../helpers';
import { askRunner } from '../runnerSteps';
import type { SaveDialogSeen } from '../workbenchUi';
import type { RenderedTable } from '../../webview/renderedTable';
import { parseScenario } from '../../../src/mock/scenario/validate';

/** Step names are used once per run (across bundles too); the runner reads the action from the name less its number. */
const RUN = Date.now();
let steps = 0;
const step = (action: string) => `${action}-${RUN}${++steps}`;

/** The scripted stream: 503, then 200 with three events and a drop mid-event, a resume after Last-Event-ID, 204. */
const SCRIPTED = {
  description: '503, then three events and a drop mid-event, then a resume after Last-Event-ID, then 204',
  path: '/lab/scripted',
  attempts: [
    { status: 503, headers: { 'Content-Type': 'text/plain' }, steps: [{ raw: 'busy, try again' }] },
    {
      steps: [
        { retry: 100 },
        { id: '1', data: 'one' },
        { wait: 20 },
        { id: '2', event: 'note', data: 'two' },
        { id: '3', data: 'three' },
        { raw: 'id: 4\ndata: fo' },
        { drop: true },
      ],
    },
    {
      resume: true,
      steps: [
        { id: '1', data: 'one' },
        { id: '2', event: 'note', data: 'two' },
        { id: '3', data: 'three' },
        { id: '4', data: 'four' },
      ],
    },
    { status: 204 },
  ],
};

/** What the panel shows for the scripted stream from its second attempt on (the first, a 503, fails the session). */
const SCRIPTED_ROWS = [
  'open',
  'event:message:one',
  'event:note:two',
  'event:message:three',
  'error',
  'reconnect',
  'open',
  'event:message:four',
  'error',
  'reconnect',
  'closed',
];
const SCRIPTED_IDS = ['', '1', '2', '3', '', '', '', '4', '', '', ''];

/** A stream with ids, a comment, retry, a drop and a resume, served at `path`: what Replay and Save as scenario record. */
const resumable = (path: string) => ({
  path,
  attempts: [
    {
      headers: { 'X-Lab': 'yes' },
      steps: [
        { retry: 100 },
        { comment: 'hi' },
        { id: 'a1', data: 'alpha' },
        { wait: 30 },
        { id: 'a2', event: 'tick', data: '{"n": 2}' },
        { drop: true },
      ],
    },
    { steps: [{ wait: 20 }, { id: 'a3', data: 'gamma' }] },
    { status: 204 },
  ],
});

function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration workbench opened no workspace folder');
  return folder.uri.fsPath;
}

/** The table of the panel showing `url` once it ends with `closed` and has more than `moreThan` rows. */
function tableUntilClosed(url: string, moreThan = 0): Promise<RenderedTable> {
  return waitFor(
    `the panel of ${url} to render a closed row after more than ${moreThan} rows`,
    () => tableShowing(url),
    (table) => table.rowKeys.at(-1) === 'closed' && table.rowCount > moreThan,
  );
}

/** Rows and ids as the user reads them, checked to be the whole table. */
function rowsOf(table: RenderedTable): { keys: string[]; ids: string[] } {
  assert.equal(table.rowKeys.length, table.rowCount, 'every row is in the DOM');
  return { keys: table.rowKeys, ids: table.rowIds };
}

async function restartMockServer(): Promise<string> {
  if ((await testApi()).mockServerUrl() !== undefined) await vscode.commands.executeCommand('sseInspector.stopMockServer');
  return startMockServer();
}

suite('stream lab: scenarios, replay and save as scenario in the real host', () => {
  let labDir: string;
  let mockUrl: string;
  suiteSetup(async () => {
    labDir = mkdtempSync(join(workspaceFolder(), 'lab-'));
    writeFileSync(join(labDir, 'scripted.sse.json'), JSON.stringify(SCRIPTED, null, 2));
    writeFileSync(join(labDir, 'replay-me.sse.json'), JSON.stringify(resumable('/lab/replay-me'), null, 2));
    writeFileSync(join(labDir, 'save-me.sse.json'), JSON.stringify(resumable('/lab/save-me'), null, 2));
    // Start Mock Server reads the workspace's scenario files when it starts.
    mockUrl = await restartMockServer();
  });
  teardown(async () => closeAllPanels(await testApi()));
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('sseInspector.stopMockServer');
    rmSync(labDir, { recursive: true, force: true });
  });

  test('a scripted scenario file served by Start Mock Server shows exactly the expected rows, and the URL field offers it', async () => {
    const api = await testApi();
    const url = `${mockUrl}/lab/scripted`;
    await connect({ url, closeOn: '' });
    // As a browser's EventSource does, a 503 fails the session: an error row and the closed row, no reconnect.
    const refused = rowsOf(await tableUntilClosed(url));
    assert.deepEqual(refused.keys, ['error', 'closed']);
    const offers = (await askRunner(step('ui-url-offers'))) as string[];
    assert.ok(offers.includes(url), `the URL field offers ${JSON.stringify(offers)}`);
    assert.ok(offers.includes(`${mockUrl}/sse`), 'and still the mock /sse');

    const before = api.mockRequests().length;
    await askRunner(step('ui-connect'), { url });
    const rows = rowsOf(await tableUntilClosed(url, refused.keys.length));
    assert.deepEqual(rows.keys, SCRIPTED_ROWS);
    assert.deepEqual(rows.ids, SCRIPTED_IDS);
    const requests = api.mockRequests().slice(before);
    assert.deepEqual(
      requests.map((request) => request.headers['last-event-id'] ?? null),
      [null, '3', '4'],
      'the resume sent the last whole event id; the cut "id: 4" block never counted',
    );
  });

  test('a scenario file with a mistake gets a diagnostic in the editor from the contributed schema', async () => {
    const file = join(labDir, 'mistake.sse.json');
    writeFileSync(file, '{\n  "attempts": [\n    { "status": 700 }\n  ]\n}\n');
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitFor(
      'a diagnostic on mistake.sse.json',
      () => vscode.languages.getDiagnostics(uri),
      (list) => list.length > 0,
    );
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.match(diagnostics[0]!.message, /599/);
    assert.equal(diagnostics[0]!.range.start.line, 2, 'on the line of "status": 700');
  });

  test('Replay in mock server opens a new panel whose rows match the session: events, ids and connection boundaries', async () => {
    const api = await testApi();
    const url = `${mockUrl}/lab/replay-me`;
    await connect({ url, closeOn: '' });
    const original = rowsOf(await tableUntilClosed(url));
    assert.deepEqual(original.keys, [
      'open',
      'event:message:alpha',
      'event:tick:{"n":2}',
      'error',
      'reconnect',
      'open',
      'event:message:gamma',
      'error',
      'reconnect',
      'closed',
    ]);

    await askRunner(step('ui-replay'));
    const replayPanel = await waitFor(
      'a panel on the replay',
      () => api.panels().find((panel) => /\/replay\/\d+$/.test(panel.request.url)),
      (panel) => panel !== undefined,
    );
    assert.ok(replayPanel!.request.url.startsWith(`${mockUrl}/replay/`), replayPanel!.request.url);
    const replayed = rowsOf(await tableUntilClosed(replayPanel!.request.url));
    assert.deepEqual(replayed, original);
  });

  test('Save as scenario writes a file that validates and, served by Start Mock Server, gives the same rows', async () => {
    const url = `${mockUrl}/lab/save-me`;
    await connect({ url, closeOn: '' });
    const original = rowsOf(await tableUntilClosed(url));
    const target = join(labDir, 'saved-session.sse.json');
    await askRunner(step('ui-save-scenario'));
    const dialog = (await askRunner(step('workbench-save-dialog'), { path: target })) as SaveDialogSeen;
    assert.equal(dialog.title, 'Save SSE session as scenario');
    assert.ok(dialog.offeredPath.startsWith(workspaceFolder()), `the dialog offered ${dialog.offeredPath}`);
    assert.match(dialog.offeredPath, /sse-recording-[\dT-]+\.sse\.json$/);
    assert.match(
      (await askRunner(step('ui-banner'))) as string,
      /^Saved the session as .*saved-session\.sse\.json\. SSE: Start Mock Server serves it at \/saved-session/,
    );

    await waitFor(
      'the saved file',
      () => existsSync(target),
      (found) => found,
    );
    const parsed = parseScenario(readFileSync(target), target);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    await waitFor(
      'the saved file open in an editor',
      () => vscode.window.visibleTextEditors.some((editor) => editor.document.uri.fsPath === target),
      (open) => open,
    );

    const served = `${await restartMockServer()}/saved-session`;
    await connect({ url: served, closeOn: '' });
    assert.deepEqual(rowsOf(await tableUntilClosed(served)), original);
  });
});
