// The stats line's timing part: time to first event, gap figures, the longest gaps and a gap histogram in decades.

import type { TimingSummary } from '../src/shared/timing/streamTiming';
import { decadeLabel, firstEventText, gapsText, longestText } from '../src/shared/timing/timingText';
import { h } from './dom';

/** Nodes for the stats line; empty until the first event, so a fresh panel stays quiet. */
export function timingStatsView(summary: TimingSummary): Node[] {
  const first = firstEventText(summary);
  const gaps = gapsText(summary);
  const longest = longestText(summary);
  const nodes: Node[] = [];
  if (first !== undefined) nodes.push(h('span', { className: 'stats-first-event', text: capitalize(first) }));
  if (gaps !== undefined) nodes.push(h('span', { className: 'stats-gaps', text: capitalize(gaps) }), gapHistogram(summary));
  if (longest !== undefined)
    nodes.push(
      h('span', {
        className: 'stats-longest',
        text: capitalize(longest),
        title: 'The longest gaps between events, with the row numbers on either side',
      }),
    );
  return nodes;
}

function gapHistogram(summary: TimingSummary): HTMLElement {
  const buckets = summary.histogram;
  const most = Math.max(1, ...buckets.map((bucket) => bucket.count));
  const described = buckets.map((bucket) => `${decadeLabel(bucket)}: ${bucket.count}`).join(', ');
  return h(
    'span',
    {
      className: 'gap-histogram',
      title: `Gaps between events: ${described}`,
      attrs: { role: 'img', 'aria-label': `Gap histogram: ${described}` },
    },
    buckets.map((bucket) => {
      const fill = h('span', { className: 'gap-bar-fill' });
      // Set through the CSSOM, which the panel's CSP allows (a style attribute would be refused).
      fill.style.height = `${bucket.count === 0 ? 0 : Math.max(8, Math.round((bucket.count / most) * 100))}%`;
      return h('span', { className: 'gap-bar', attrs: { 'data-label': decadeLabel(bucket), 'data-count': String(bucket.count) } }, [fill]);
    }),
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
