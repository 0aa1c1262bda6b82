// The timeline's colours, read from VS Code's theme variables (a canvas cannot use CSS variables itself).

export interface TimelinePalette {
  events: string;
  reconnect: string;
  error: string;
  open: string;
  /** Closed marks and the dropped range. */
  muted: string;
  text: string;
  selected: string;
  /** The session compared with the shown one. */
  compare: string;
}

/** Each colour's variables in order of preference; the last is used when a theme defines none of them. */
const SOURCES: Record<keyof TimelinePalette, string[]> = {
  events: ['--vscode-charts-blue', '--vscode-editorInfo-foreground', '--vscode-foreground'],
  reconnect: ['--vscode-charts-orange', '--vscode-editorWarning-foreground', '--vscode-foreground'],
  error: ['--vscode-errorForeground', '--vscode-charts-red', '--vscode-foreground'],
  open: ['--vscode-charts-green', '--vscode-testing-iconPassed', '--vscode-foreground'],
  muted: ['--vscode-descriptionForeground', '--vscode-foreground'],
  text: ['--vscode-descriptionForeground', '--vscode-foreground'],
  selected: ['--vscode-focusBorder', '--vscode-foreground'],
  compare: ['--vscode-charts-purple', '--vscode-charts-yellow', '--vscode-foreground'],
};

export function readPalette(element: Element): TimelinePalette {
  const style = getComputedStyle(element);
  const pick = (names: string[]): string => {
    for (const name of names) {
      const value = style.getPropertyValue(name).trim();
      if (value) return value;
    }
    return style.color;
  };
  return {
    events: pick(SOURCES.events),
    reconnect: pick(SOURCES.reconnect),
    error: pick(SOURCES.error),
    open: pick(SOURCES.open),
    muted: pick(SOURCES.muted),
    text: pick(SOURCES.text),
    selected: pick(SOURCES.selected),
    compare: pick(SOURCES.compare),
  };
}

/** Calls `changed` when VS Code switches theme: it rewrites the variables on <html> and the theme class on <body>. */
export function watchTheme(changed: () => void): void {
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
