// How a panel is named on its tab: the name the user gave it, or what tells its stream apart (path and query).

import { redactUrlParams } from './redact';
import { streamUrlProblem } from './streamUrl';
import { visibleLine } from './visibleText';

/** Tabs show about this much; a longer title is cut in the middle, where it matters least. */
const MAX_TITLE_CHARS = 60;

/**
 * The user's name when there is one; else "SSE: /path?query" (panels on one server differ there, not in the host),
 * "SSE: host" for a bare origin, and a neutral title for a URL that is not a stream URL. Credential query values masked.
 */
export function panelTitle(text: string, name = ''): string {
  if (name.trim() !== '') return clip(visibleLine(name.trim()));
  if (streamUrlProblem(text) !== undefined) {
    return 'SSE Inspector';
  }
  return clip(`SSE: ${streamPlace(text)}`);
}

/** What tells a stream apart from others on its server: path and query, or the host for a bare origin; credential values masked. */
export function streamPlace(text: string): string {
  if (streamUrlProblem(text) !== undefined) return visibleLine(redactUrlParams(text.trim()));
  const url = new URL(text.trim());
  return redactUrlParams(url.pathname === '/' && url.search === '' ? url.host : `${url.pathname}${url.search}`);
}

function clip(title: string): string {
  if (title.length <= MAX_TITLE_CHARS) return title;
  const half = Math.floor((MAX_TITLE_CHARS - 1) / 2);
  return `${title.slice(0, half)}…${title.slice(title.length - half)}`;
}
