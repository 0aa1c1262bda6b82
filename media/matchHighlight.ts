// Finds what the filter box matches in a cell's text, and writes that text with the matches marked: text nodes and <mark> only.

import { h } from './dom';

/** [start, end) of each match in a text, ascending and apart. */
export type MatchRanges = Array<[number, number]>;
export type Highlighter = (text: string) => MatchRanges;

export const NO_HIGHLIGHT: Highlighter = () => [];

/** Cells are one line wide: matches further in are never seen, and a huge event must not cost a frame. */
const MAX_SCANNED_CHARS = 4096;
const MAX_MARKS = 64;

/** What the filter's text (plain, case-insensitive, or a regex) matches; nothing for an empty or invalid one. */
export function highlighterFor(text: string, regex: boolean): Highlighter {
  if (text === '') return NO_HIGHLIGHT;
  if (!regex) {
    const needle = text.toLowerCase();
    return (cell) => {
      const haystack = cell.slice(0, MAX_SCANNED_CHARS).toLowerCase();
      const ranges: MatchRanges = [];
      for (let at = haystack.indexOf(needle); at >= 0 && ranges.length < MAX_MARKS; at = haystack.indexOf(needle, at + needle.length)) {
        ranges.push([at, at + needle.length]);
      }
      return ranges;
    };
  }
  let pattern: RegExp;
  try {
    pattern = new RegExp(text, 'gi');
  } catch {
    return NO_HIGHLIGHT; // The filter note already says why.
  }
  return (cell) => {
    const haystack = cell.slice(0, MAX_SCANNED_CHARS);
    const ranges: MatchRanges = [];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(haystack); match !== null && ranges.length < MAX_MARKS; match = pattern.exec(haystack)) {
      if (match[0] === '') {
        pattern.lastIndex++; // An empty match (`a*`, `^`) marks nothing and must not stop the scan.
        continue;
      }
      ranges.push([match.index, match.index + match[0].length]);
    }
    return ranges;
  };
}

/** Replaces the element's content with `text`, the matched parts in <mark class="match">. Never parses markup. */
export function writeHighlighted(element: HTMLElement, text: string, ranges: MatchRanges): void {
  if (ranges.length === 0) {
    if (element.textContent !== text || element.childElementCount > 0) element.textContent = text;
    return;
  }
  const parts: Node[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(document.createTextNode(text.slice(at, start)));
    parts.push(h('mark', { className: 'match', text: text.slice(start, end) }));
    at = end;
  }
  if (at < text.length) parts.push(document.createTextNode(text.slice(at)));
  element.replaceChildren(...parts);
}
