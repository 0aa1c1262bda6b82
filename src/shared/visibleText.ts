// How untrusted text is shown, in the terminal and the webview alike: control and bidi characters become visible
// escapes (`\u202e`), so no payload can reorder, hide or restyle what is shown around it.

const BIDI = '\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069';
const ON_ONE_LINE = new RegExp(`[\u0000-\u001f\u007f-\u009f${BIDI}]`, 'g');
/** The same, but tab, LF and CR keep their meaning (multi-line views). */
const IN_A_BLOCK = new RegExp(`[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f${BIDI}]`, 'g');
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(ch: string): string {
  return NAMED[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** For one line (a table row, a terminal row): every control and bidi character escaped, line breaks included. */
export function visibleLine(text: string): string {
  return text.replace(ON_ONE_LINE, escape);
}

/** For a block of text (details, JSON strings): bidi and control characters escaped, tabs and line breaks kept. */
export function visibleBlock(text: string): string {
  return text.replace(IN_A_BLOCK, escape);
}
