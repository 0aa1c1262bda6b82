// Reads what the Assembled view shows from its DOM, as a user sees it; evaluated in the webview's page or frame.

export interface RenderedReply {
  hidden: boolean;
  /** The format's name, e.g. "Anthropic Messages". */
  format: string;
  /** Each block: its kind (text, thinking, refusal, tool), its label, its text, and whether it is still arriving. */
  blocks: { kind: string; label: string; text: string; incomplete: boolean }[];
  /** The reply's error line, when shown. */
  error: string | null;
  /** Stop reason, usage and caps, by label. */
  facts: Record<string, string>;
  /** The timing line. */
  metrics: string;
  /** What the view says when it has no block yet. */
  empty: string | null;
}

/** Source of a browser-side expression (text: the Node test code is compiled without the DOM types). */
export const READ_RENDERED_REPLY = `(() => {
  const pane = document.querySelector('section.reply');
  if (!pane) return null;
  const facts = {};
  for (const term of pane.querySelectorAll('.reply-facts dt')) facts[term.textContent] = term.nextElementSibling?.textContent ?? '';
  const error = pane.querySelector('.reply-error');
  const empty = pane.querySelector('.reply-empty');
  return {
    hidden: pane.hidden,
    format: pane.querySelector('.reply-format')?.textContent ?? '',
    blocks: [...pane.querySelectorAll('.reply-block')].map((block) => ({
      kind: [...block.classList].find((name) => name.startsWith('reply-') && name !== 'reply-block')?.slice('reply-'.length) ?? '',
      label: block.querySelector('.reply-block-label')?.textContent ?? '',
      text: block.querySelector('.reply-block-text')?.textContent ?? '',
      incomplete: block.classList.contains('incomplete'),
    })),
    error: error && !error.hidden ? error.textContent : null,
    facts,
    metrics: pane.querySelector('.reply-metrics')?.textContent ?? '',
    empty: empty && !empty.hidden ? empty.textContent : null,
  };
})()`;

/** The text blocks of a reply as `--text` prints them on stdout, less its tool-call sections. */
export function replyTextOf(stdout: string): string {
  return stdout.replace(/\n*\[tool call:[^]*?\n\}\n/g, '').trim();
}
