// Reads the Raw view as a user sees it, from the webview's DOM: the summary, and each line as its kind label and
// its text with badges in brackets. Shared by the webview tests and the real-host suite (run in the page).

export interface RenderedRaw {
  hidden: boolean;
  summary: string;
  lines: string[];
}

/** An expression for page.evaluate (a string, so it runs as written in any page, with no bundler helpers). */
export const READ_RENDERED_RAW = `(() => {
  const view = document.querySelector('.raw');
  if (!view) return null;
  const lines = [...view.querySelectorAll('.raw-line')].map((line) =>
    [...line.childNodes].map((node) => node.nodeType === 3 ? node.textContent
      : node.classList.contains('raw-kind') ? node.textContent + ':'
      : node.classList.contains('raw-reason') ? ' (' + node.textContent + ')'
      : '[' + node.textContent + ']').join(''));
  return { hidden: view.hidden, summary: view.querySelector('.raw-summary')?.textContent ?? '', lines };
})()`;
