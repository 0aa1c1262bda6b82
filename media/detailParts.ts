// The pieces the detail pane builds its views from: label/value facts, a headers table, and text or JSON shown as a tree.

import { h } from './dom';
import { formatCount, parseJson } from './format';
import { jsonTree } from './jsonTree';
import { visibleBlock, visibleLine } from '../src/shared/visibleText';

/** Data up to this size is parsed into a tree; beyond it the pane shows text and points to the editor. */
const TREE_LIMIT_CHARS = 2_000_000;
/** Text shown in the pane at most; *Open in editor* has the rest. */
const TEXT_LIMIT_CHARS = 200_000;

export type Fact = [label: string, value: string];

export function facts(pairs: Fact[]): HTMLDListElement {
  return h(
    'dl',
    { className: 'facts' },
    pairs.flatMap(([label, value]) => [h('dt', { text: label }), h('dd', { text: visibleLine(value) })]),
  );
}

/** Untrusted names and values, as text; `label` names the table for screen readers (and tests). */
export function headersTable(headers: Record<string, string>, label: string): HTMLTableElement {
  const rows = Object.entries(headers).map(([name, value]) =>
    h('tr', {}, [h('th', { text: visibleLine(name), attrs: { scope: 'row' } }), h('td', { text: visibleLine(value) })]),
  );
  return h('table', { className: 'headers', attrs: { 'aria-label': label } }, [h('tbody', {}, rows)]);
}

export function section(title: string): HTMLElement {
  return h('div', { className: 'detail-section', text: title });
}

export function note(text: string): HTMLElement {
  return h('div', { className: 'detail-note', text });
}

/** JSON as a foldable tree when it parses (and is not huge), otherwise the text itself, limited in size. */
export function dataView(data: string): HTMLElement {
  const parsed = data.length <= TREE_LIMIT_CHARS ? parseJson(data) : undefined;
  if (parsed && typeof parsed.value === 'object' && parsed.value !== null) return jsonTree(parsed.value);
  if (data.length <= TEXT_LIMIT_CHARS) return h('pre', { className: 'detail-text', text: visibleBlock(data) });
  return h('div', {}, [
    note(`Showing the first ${formatCount(TEXT_LIMIT_CHARS)} of ${formatCount(data.length)} characters; Open in editor shows everything.`),
    h('pre', { className: 'detail-text', text: visibleBlock(data.slice(0, TEXT_LIMIT_CHARS)) }),
  ]);
}

/** "Name: value" lines, as a Copy button hands them out. */
export function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}
