// The extension waits for its first command, and contributes its three commands under the SSE category.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension } from '../helpers';

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

suite('activation and commands', () => {
  test('the extension is not active before its first command runs', () => {
    assert.equal(extension().isActive, false);
  });

  test('the manifest contributes Connect to Stream, Start and Stop Mock Server, Replay Session and Save Session as Scenario with SSE titles', () => {
    const commands = (extension().packageJSON.contributes?.commands ?? []) as ContributedCommand[];
    const titles = Object.fromEntries(commands.map((c) => [c.command, c.category ? `${c.category}: ${c.title}` : c.title]));
    assert.deepEqual(titles, {
      'sseInspector.connect': 'SSE: Connect to Stream',
      'sseInspector.startMockServer': 'SSE: Start Mock Server',
      'sseInspector.stopMockServer': 'SSE: Stop Mock Server',
      'sseInspector.replaySession': 'SSE: Replay Session in Mock Server',
      'sseInspector.saveSessionAsScenario': 'SSE: Save Session as Scenario',
    });
  });

  test('running Stop Mock Server activates the extension and registers every command', async () => {
    await vscode.commands.executeCommand('sseInspector.stopMockServer');
    assert.equal(extension().isActive, true);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of [
      'sseInspector.connect',
      'sseInspector.startMockServer',
      'sseInspector.stopMockServer',
      'sseInspector.replaySession',
      'sseInspector.saveSessionAsScenario',
    ]) {
      assert.ok(registered.has(id), `${id} is not registered after activation`);
    }
  });
});
