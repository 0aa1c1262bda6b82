// A foldable view of parsed JSON built from <details>/<summary> and textContent, grown lazily as nodes open.

import { visibleBlock } from '../src/shared/visibleText';
import { h } from './dom';

/** Children listed per object or array before a "… more" line; keeps a huge array from building a huge DOM. */
const MAX_CHILDREN_SHOWN = 500;

type JsonContainer = unknown[] | Record<string, unknown>;

function isContainer(value: unknown): value is JsonContainer {
  return typeof value === 'object' && value !== null;
}

function entriesOf(value: JsonContainer): [string, unknown][] {
  return Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
}

function summaryText(value: JsonContainer): string {
  const size = Array.isArray(value) ? value.length : Object.keys(value).length;
  return Array.isArray(value) ? `[ ${size} ${size === 1 ? 'item' : 'items'} ]` : `{ ${size} ${size === 1 ? 'key' : 'keys'} }`;
}

function leaf(value: unknown): HTMLSpanElement {
  const kind = value === null ? 'null' : typeof value;
  return h('span', { className: `json-${kind}`, text: visibleBlock(JSON.stringify(value) ?? String(value)) });
}

function keyLabel(key: string | undefined): (Node | string)[] {
  return key === undefined ? [] : [h('span', { className: 'json-key', text: visibleBlock(key) }), ': '];
}

/** Nodes open by themselves this many levels deep, and only under parents with few children. */
const AUTO_OPEN_DEPTH = 3;
const AUTO_OPEN_MAX_SIBLINGS = 20;

function node(key: string | undefined, value: unknown, openLevels: number): HTMLElement {
  if (!isContainer(value)) return h('div', { className: 'json-leaf' }, [...keyLabel(key), leaf(value)]);
  const details = h('details', { className: 'json-node' }, [
    h('summary', {}, [...keyLabel(key), h('span', { className: 'json-summary', text: summaryText(value) })]),
  ]);
  let built = false;
  const build = (): void => {
    if (built) return;
    built = true;
    const entries = entriesOf(value);
    const children = h('div', { className: 'json-children' });
    const childOpenLevels = entries.length <= AUTO_OPEN_MAX_SIBLINGS ? openLevels - 1 : 0;
    for (const [childKey, child] of entries.slice(0, MAX_CHILDREN_SHOWN)) children.append(node(childKey, child, childOpenLevels));
    if (entries.length > MAX_CHILDREN_SHOWN) {
      children.append(
        h('div', { className: 'json-more', text: `… ${entries.length - MAX_CHILDREN_SHOWN} more (Open in editor shows everything)` }),
      );
    }
    details.append(children);
  };
  details.addEventListener('toggle', () => details.open && build());
  if (openLevels > 0) {
    build();
    details.open = true;
  }
  return details;
}

/** The tree for a parsed JSON value; the first levels start open where they are small. */
export function jsonTree(value: unknown): HTMLElement {
  return h('div', { className: 'json-tree' }, [node(undefined, value, AUTO_OPEN_DEPTH)]);
}
