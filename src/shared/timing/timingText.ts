// The timing figures and the buffering verdict in words, the same for the panel's strip and stats and the CLI.

import type { OpenRecord } from '../record';
import { bufferingHeaderFacts } from './bufferingCauses';
import { BUNCH_MS, SILENCE_MS } from './burstTracker';
import { DECADE_BOUNDS_MS, type DecadeBucket } from './gapHistogram';
import type { BufferingVerdict, TimingSummary } from './streamTiming';

export type VerdictLevel = 'ok' | 'warn' | 'info';

export interface VerdictText {
  level: VerdictLevel;
  /** One short line. */
  text: string;
  /** The evidence and what to do, in sentences. */
  detail: string;
}

/** `0.4 ms`, `37 ms`, `1.10 s`, `95.3 s`. */
export function formatMs(ms: number): string {
  if (ms === 0) return '0 ms';
  if (ms < 1) return `${ms.toFixed(1)} ms`;
  // Rounded first, so 999.6 ms reads 1.00 s, never "1000 ms".
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 9_995 ? 2 : 1)} s`;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function verdictText(verdict: BufferingVerdict): VerdictText {
  switch (verdict.kind) {
    case 'too-few':
      return {
        level: 'info',
        text: `Buffering: too few events to judge (${verdict.events})`,
        detail: 'Buffering is judged from how events arrive; a few more events will tell.',
      };
    case 'paced': {
      const facts = bufferingHeaderFacts(verdict.headers);
      const despite = facts.length === 0 ? '' : ` Headers such as ${facts.join(', ')} did not hold them back.`;
      return {
        level: 'ok',
        text: 'No buffering seen',
        detail: `${plural(verdict.events, 'event')} arrived paced (median gap ${formatMs(verdict.medianGapMs)}), not in bursts.${despite}`,
      };
    }
    case 'bunched':
      return bunchedText(verdict);
  }
}

function bunchedText(verdict: Extract<BufferingVerdict, { kind: 'bunched' }>): VerdictText {
  const largest = verdict.largest;
  const evidence = [
    `${verdict.burstEvents} of ${plural(verdict.events, 'event')} came in ${plural(verdict.bursts, 'burst')}, each event within ${BUNCH_MS} ms of the one before after a silence of ${SILENCE_MS} ms or more`,
  ];
  if (largest)
    evidence.push(
      `the largest: ${largest.events} events at once after ${formatMs(largest.silenceMs)} of silence (from #${largest.firstSeq})`,
    );
  if (verdict.lateHeaders) {
    evidence.push(
      `the response headers came only after ${formatMs(verdict.lateHeaders.ttfbMs)}, together with the first ${verdict.lateHeaders.events} events`,
    );
  }
  const causes = verdict.causes;
  const likely = causes.length === 0 ? 'no header names a cause' : `likely ${causes.map((cause) => cause.name).join(' or ')}`;
  const explained =
    causes.length === 0
      ? 'No response header names a cause: either the server writes its events together (its own output buffer: flush after each event), or a proxy that does not announce itself holds them.'
      : causes.map((cause) => `${cause.evidence}: ${cause.advice}`).join(' ');
  return {
    level: 'warn',
    text: `Events arrive in bursts: ${likely}`,
    detail: `Events were held back and came together: ${evidence.join('; ')}. ${explained}`,
  };
}

/** The line the CLI prints after `open`: what the headers say, before any event can be judged. */
export function openFactsLine(open: OpenRecord): string {
  const facts = bufferingHeaderFacts(open.headers);
  const headers = facts.length === 0 ? 'no compression or proxy headers' : facts.join(' · ');
  return `diagnosis: headers after ${formatMs(open.ttfbMs)} · ${headers} · buffering is judged from the events' timing`;
}

/** `first event 1.10 s after the request (2 ms after the headers)`. */
export function firstEventText(summary: TimingSummary): string | undefined {
  const first = summary.firstEvent;
  if (first === undefined) return undefined;
  return `first event ${formatMs(first.fromRequestMs)} after the request (${formatMs(first.fromOpenMs)} after the headers)`;
}

/** `12 gaps: median 20 ms, p95 45 ms, max 1.10 s`. */
export function gapsText(summary: TimingSummary): string | undefined {
  const gaps = summary.gaps;
  if (gaps === undefined) return undefined;
  return `${plural(gaps.count, 'gap')}: median ${formatMs(gaps.medianMs)}, p95 ${formatMs(gaps.p95Ms)}, max ${formatMs(gaps.maxMs)}`;
}

/** `longest 1.10 s (#3→#4), 0.52 s (#9→#10)`. */
export function longestText(summary: TimingSummary, count = 3): string | undefined {
  if (summary.longest.length === 0) return undefined;
  const gaps = summary.longest.slice(0, count).map((gap) => `${formatMs(gap.ms)} (#${gap.afterSeq}→#${gap.beforeSeq})`);
  return `longest ${gaps.join(', ')}`;
}

const DECADE_LABELS = ['<1 ms', '1–10 ms', '10–100 ms', '0.1–1 s', '1–10 s', '≥10 s'];

/** `<1 ms`, `1–10 ms`, …, `≥10 s`. */
export function decadeLabel(bucket: DecadeBucket): string {
  return DECADE_LABELS[DECADE_BOUNDS_MS.findIndex((bound) => bound > bucket.fromMs)] ?? DECADE_LABELS[DECADE_LABELS.length - 1];
}

/** The CLI's closing line on stderr. */
export function timingLine(summary: TimingSummary): string {
  const parts = [firstEventText(summary) ?? 'no events', gapsText(summary), longestText(summary), verdictText(summary.verdict).text];
  return `timing: ${parts.filter((part) => part !== undefined).join(' · ')}`;
}

/** The CLI's warning once bursts are seen. */
export function bunchingWarning(verdict: BufferingVerdict): string {
  const words = verdictText(verdict);
  return `warning: ${words.text}. ${words.detail}`;
}
