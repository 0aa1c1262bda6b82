// The look follows VS Code's theme: colours come from the --vscode-* variables of each theme class, with extra borders in high contrast.

import { strict as assert } from 'node:assert';
import { withInspector, type ThemeClass } from './harness';
import { RecordMaker } from './records';

interface Look {
  bodyBackground: string;
  bodyColor: string;
  messageBadge: string;
  errorBadge: string;
  customBadgeColor: string;
  badgeBorderWidth: string;
  badgeBorderColor: string;
  selectedRow: string;
  selectedRowOutline: string;
  codiconFont: boolean;
}

const EXPECTED: Record<ThemeClass, Omit<Look, 'codiconFont'>> = {
  'vscode-dark': {
    bodyBackground: 'rgb(31, 31, 31)',
    bodyColor: 'rgb(204, 204, 204)',
    messageBadge: 'rgb(97, 97, 97)',
    errorBadge: 'rgb(199, 46, 15)',
    customBadgeColor: 'rgb(179, 128, 255)',
    badgeBorderWidth: '1px',
    badgeBorderColor: 'rgba(0, 0, 0, 0)',
    selectedRow: 'rgb(4, 57, 94)',
    selectedRowOutline: 'none',
  },
  'vscode-light': {
    bodyBackground: 'rgb(255, 255, 255)',
    bodyColor: 'rgb(59, 59, 59)',
    messageBadge: 'rgb(203, 203, 203)',
    errorBadge: 'rgb(194, 44, 14)',
    customBadgeColor: 'rgb(101, 44, 144)',
    badgeBorderWidth: '1px',
    badgeBorderColor: 'rgba(0, 0, 0, 0)',
    selectedRow: 'rgb(232, 232, 232)',
    selectedRowOutline: 'none',
  },
  'vscode-high-contrast': {
    bodyBackground: 'rgb(0, 0, 0)',
    bodyColor: 'rgb(255, 255, 255)',
    messageBadge: 'rgb(0, 0, 0)',
    errorBadge: 'rgb(0, 0, 0)',
    customBadgeColor: 'rgb(179, 128, 255)',
    badgeBorderWidth: '1px',
    badgeBorderColor: 'rgb(111, 195, 223)',
    selectedRow: 'rgba(0, 0, 0, 0)',
    selectedRowOutline: 'rgb(243, 143, 6) solid 1px',
  },
};

describe('webview theme', () => {
  for (const theme of ['vscode-dark', 'vscode-light', 'vscode-high-contrast'] as const) {
    it(`takes its colours from the --vscode-* variables under body.${theme}`, async () => {
      const maker = new RecordMaker();
      const records = [maker.open(), maker.event('message', '{"a":1}'), maker.event('tick', 'x'), maker.error('boom')];
      await withInspector({ theme }, async (inspector) => {
        await inspector.deliver({ type: 'records', records, dropped: 0 });
        const grid = inspector.page.getByRole('grid');
        await grid.focus();
        await inspector.page.keyboard.press('Home');
        await inspector.settle();
        const look: Look = await inspector.page.evaluate(async () => {
          await document.fonts.ready;
          // Anonymous callbacks only: tsx would wrap a named helper in a __name() call the page does not have.
          const [body, message, error, custom, selected] = [
            'body',
            '.table-body .badge-message',
            '.table-body .badge-error',
            '.table-body .badge-custom',
            '.table-body [role="row"][aria-selected="true"]',
          ].map((selector) => {
            const element = document.querySelector(selector);
            if (!element) throw new Error(`no ${selector}`);
            return getComputedStyle(element);
          });
          return {
            bodyBackground: body.backgroundColor,
            bodyColor: body.color,
            messageBadge: message.backgroundColor,
            errorBadge: error.backgroundColor,
            customBadgeColor: custom.color,
            badgeBorderWidth: message.borderTopWidth,
            badgeBorderColor: message.borderTopColor,
            selectedRow: selected.backgroundColor,
            selectedRowOutline:
              selected.outlineStyle === 'none' ? 'none' : `${selected.outlineColor} ${selected.outlineStyle} ${selected.outlineWidth}`,
            // Loaded (not just declared): the CSS bundle's font URL and the policy's font-src agree.
            codiconFont: [...document.fonts].some((face) => face.family.replace(/"/g, '') === 'codicon' && face.status === 'loaded'),
          };
        });
        assert.deepEqual(look, { ...EXPECTED[theme], codiconFont: true });
        await inspector.screenshot(`theme-${theme}`);
      });
    });
  }
});
