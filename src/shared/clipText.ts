// Cuts untrusted text to a bounded length without splitting a character, for the engine's and the view's copies.

/** At most `limit` UTF-16 units, never ending in half of a surrogate pair. */
export function clipText(text: string, limit: number): string {
  if (text.length <= limit) {
    return text;
  }
  const lastKept = text.charCodeAt(limit - 1);
  const endsInHighSurrogate = lastKept >= 0xd800 && lastKept <= 0xdbff;
  return text.slice(0, endsInHighSurrogate ? limit - 1 : limit);
}

/** Marks a clipped one-line value (a URL, a header value, a message), so a reader sees it was cut. */
export const CLIP_MARK = '…';

/** The text itself when within `limit`, else its first `limit` units followed by CLIP_MARK. */
export function clipMarked(text: string, limit: number): string {
  return text.length <= limit ? text : `${clipText(text, limit)}${CLIP_MARK}`;
}
