// Done means, the layout part: the panel in a 700 px and a 1,400 px window (with the sidebar open), read from the
// webview's DOM, and screenshots at both sizes and in the four built-in themes, saved to test-results/host/; in each
// theme the editor area, sidebar and webview are dark or light as the theme is, both as computed and as drawn.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllPanels, testApi, waitFor } from '../helpers';
import { finishedAnthropicPanel } from '../llmPanel';
import { askRunner } from '../runnerSteps';
import { wrongShades, type AreaSeen, type Shade, type ThemeSeen } from '../themeShade';
import type { LayoutSeen } from '../../webview/layoutProbe';
import { startLlmServer } from '../../unit/support/llmServers';
import type { RawServer } from '../../unit/support/rawServer';

let steps = 0;
/** Step names are used once per run; the runner reads the action from the name less its trailing number. */
const step = (action: string) => `${action}-${++steps}`;

/** The Anthropic stream's longest event name: it must show whole in a panel with room. */
const LONG_TYPE = 'content_block_delta';

/** The four built-in themes, the class VS Code gives the webview's body under each, and how they must look. */
const THEMES: { theme: string; bodyClass: string; file: string; shade: Shade }[] = [
  { theme: 'Default Light+', bodyClass: 'vscode-light', file: 'light-plus', shade: 'light' },
  { theme: 'Default Dark+', bodyClass: 'vscode-dark', file: 'dark-plus', shade: 'dark' },
  { theme: 'Default High Contrast', bodyClass: 'vscode-high-contrast', file: 'high-contrast', shade: 'dark' },
  { theme: 'Default High Contrast Light', bodyClass: 'vscode-high-contrast-light', file: 'high-contrast-light', shade: 'light' },
];

async function windowSize(width: number): Promise<void> {
  await askRunner(step('window-size'), { width, height: 860 });
}

function readLayout(): Promise<LayoutSeen> {
  return askRunner(step('ui-layout'), { rowText: LONG_TYPE, whole: [LONG_TYPE, '1.000 s'] }) as Promise<LayoutSeen>;
}

function assertSound(seen: LayoutSeen, at: string): void {
  assert.ok(seen.controls.length > 15, `${at}: only ${seen.controls.length} controls found`);
  assert.deepEqual(seen.overlaps, [], `${at}: controls that overlap`);
  assert.deepEqual(seen.outside, [], `${at}: controls past the panel's edge`);
  assert.equal(seen.pageOverflowsX, false, `${at}: the webview scrolls sideways`);
  assert.ok(seen.dataShare >= 0.5, `${at}: the Data column has ${(seen.dataShare * 100).toFixed(0)}% of the table`);
  assert.equal(seen.chipTops.length, 1, `${at}: chips on ${seen.chipTops.length} lines`);
  for (const cut of seen.cut) assert.equal(cut.title, cut.text, `${at}: a cut cell without its whole value as tooltip`);
  assert.ok(seen.detail, `${at}: the details are shown`);
}

suite('the panel in a 700 px and a 1,400 px window, and in the four built-in themes', () => {
  let server: RawServer;
  suiteSetup(async () => {
    server = await startLlmServer();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    // The sidebar open, as most people have it: a 700 px window then leaves the panel about 350 px.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await finishedAnthropicPanel(server);
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await windowSize(1280);
    closeAllPanels(await testApi());
    await server.stop();
  });

  test('at 700 px: nothing overlaps, Data keeps half the table, the details sit below the table', async () => {
    await windowSize(700);
    const seen = await readLayout();
    await askRunner(step('window-screenshot'), { name: 'panel-700' });
    assertSound(seen, '700 px');
    assert.ok(seen.viewportWidth < 500, `the panel is ${seen.viewportWidth} px wide in a 700 px window with the sidebar`);
    assert.ok(seen.detail && seen.detail.top >= seen.table.bottom - 0.5, 'the details are below the table');
  });

  test('at 1,400 px: nothing overlaps, event names are whole, the details sit beside the table', async () => {
    await windowSize(1400);
    const seen = await readLayout();
    await askRunner(step('window-screenshot'), { name: 'panel-1400' });
    assertSound(seen, '1,400 px');
    assert.equal(seen.fits[LONG_TYPE], true, `${LONG_TYPE} is cut`);
    assert.ok(seen.detail && seen.detail.left >= seen.table.right - 0.5, 'the details are beside the table');
  });

  test('Open in editor opens the JSON pretty-printed in a group beside the panel, which keeps the focus', async () => {
    await windowSize(1400);
    await readLayout();
    await askRunner(step('ui-open-in-editor'));
    const editor = await waitFor(
      'an editor showing the event data',
      () => vscode.window.visibleTextEditors.find((shown) => shown.document.getText().includes('"content_block_delta"')),
      (shown) => shown !== undefined,
      15_000,
    );
    assert.ok(editor);
    assert.equal(editor.document.languageId, 'json');
    assert.match(editor.document.getText(), /^\{\n {2}"type": "content_block_delta",\n {2}"index": \d+,\n {2}"delta": \{\n {4}"type": /);
    assert.equal(vscode.window.tabGroups.all.length, 2, 'the editor opened in a second group, beside the panel');
    const active = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(active?.input instanceof vscode.TabInputWebview, `the focus moved to ${active?.label}`);
    await askRunner(step('window-screenshot'), { name: 'open-in-editor-1400' });
    // An untitled document: reverted as it is closed, so no save prompt waits for an answer.
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  for (const { theme, bodyClass, file, shade } of THEMES) {
    test(`in ${theme}: the workbench and the webview are ${shade}, in the DOM and in the screenshot, and nothing overlaps`, async () => {
      await windowSize(1400);
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
      await askRunner(step('ui-theme'), { bodyClass });
      const seen = await readLayout();
      const drawn = (await askRunner(step('window-theme-screenshot'), { name: `theme-${file}` })) as ThemeSeen;
      const summary = (name: string, area?: AreaSeen) =>
        area && `${name} ${area.background} (${area.pictureBrightness.toFixed(2)} in the picture)`;
      console.log(
        `${theme}: ${[summary('editor', drawn.editor), summary('sidebar', drawn.sidebar)].join(', ')}, webview ${drawn.webview.background}`,
      );
      assertSound(seen, theme);
      assert.equal(drawn.webview.themeKind, bodyClass, `${theme}: the webview's theme kind`);
      assert.ok(drawn.sidebar, `${theme}: the sidebar is measured`);
      assert.deepEqual(wrongShades(drawn, shade), [], `${theme}: areas of test-results/host/theme-${file}.png not ${shade}`);
    });
  }
});
