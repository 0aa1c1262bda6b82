// How a stream is named in its panel's title.

import { streamUrlProblem } from '../shared/streamUrl';

/** "SSE: host/path" for a valid URL, a neutral title otherwise. */
export function panelTitle(text: string): string {
  if (streamUrlProblem(text) !== undefined) {
    return 'SSE Inspector';
  }
  const url = new URL(text.trim());
  return `SSE: ${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}
