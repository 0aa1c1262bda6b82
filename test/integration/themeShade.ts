// What a theme looks like in a screenshot of the workbench, and whether that is dark or light where it should be:
// shared by the host suite (extension host side) and the docs screenshot script (runner side).

/** One area of the window: its computed background and the median brightness of its pixels in the screenshot (0–1). */
export interface AreaSeen {
  background: string;
  backgroundBrightness: number;
  pictureBrightness: number;
}

export interface ThemeSeen {
  /** The classes of `.monaco-workbench`, which name the theme's kind: vs, vs-dark, hc-black, hc-light. */
  workbenchClasses: string[];
  /** The editor area, where the panel's webview is drawn. */
  editor: AreaSeen;
  /** The primary sidebar, or undefined when it is closed. */
  sidebar?: AreaSeen;
  /** The panel's webview: its body's theme kind (vscode-dark …) and computed background. */
  webview: { themeKind: string; background: string; backgroundBrightness: number };
}

export type Shade = 'dark' | 'light';

/** Darker than this is dark, lighter than 1 minus this is light; every built-in theme is far from the middle. */
const SHADE_MARGIN = 0.35;

function isShade(value: number, shade: Shade): boolean {
  return shade === 'dark' ? value < SHADE_MARGIN : value > 1 - SHADE_MARGIN;
}

/** Each measured area that is not `shade`, with what was seen; empty when the window is wholly in it. */
export function wrongShades(seen: ThemeSeen, shade: Shade): string[] {
  const wrong: string[] = [];
  const check = (what: string, value: number, detail: string): void => {
    if (!isShade(value, shade)) wrong.push(`${what} is not ${shade}: brightness ${value.toFixed(2)} (${detail})`);
  };
  const areas: [string, AreaSeen | undefined][] = [
    ['editor area', seen.editor],
    ['sidebar', seen.sidebar],
  ];
  for (const [name, area] of areas) {
    if (!area) continue;
    check(`${name} background`, area.backgroundBrightness, area.background);
    check(`${name} in the screenshot`, area.pictureBrightness, 'median of its pixels');
  }
  check('webview body background', seen.webview.backgroundBrightness, seen.webview.background);
  return wrong;
}
