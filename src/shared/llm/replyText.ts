// The words for a reply's format, usage and timing, shared by the CLI's summary line and the panel's Assembled view.
import type { StreamMetrics } from './metrics';
import type { LlmFormat, Usage } from './pieces';

const FORMAT_NAMES: Record<LlmFormat, string> = {
  'openai-chat': 'OpenAI Chat Completions',
  'openai-responses': 'OpenAI Responses',
  anthropic: 'Anthropic Messages',
  gemini: 'Gemini',
  'json-path': 'JSON path',
};

export function formatName(format: LlmFormat): string {
  return FORMAT_NAMES[format];
}

/** E.g. `input_tokens 12, output_tokens 30`, in the provider's own names. */
export function usageText(usage: Usage): string {
  return Object.entries(usage)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
}

const ms = (value: number) => `${Math.round(value)} ms`;

/** Timing in a few words each: headers, first token, deltas and their rate, gaps between deltas, total. */
export function metricsParts(metrics: StreamMetrics): string[] {
  const parts: string[] = [];
  if (metrics.headersMs !== undefined) parts.push(`headers ${ms(metrics.headersMs)}`);
  if (metrics.firstTokenMs !== undefined) parts.push(`first token ${ms(metrics.firstTokenMs)}`);
  // Deltas, not tokens: the provider's usage is the token count.
  const rate = metrics.deltasPerSecond === undefined ? '' : `, ${metrics.deltasPerSecond.toFixed(1)}/s`;
  if (metrics.deltas > 0) parts.push(`${metrics.deltas} deltas${rate}`);
  if (metrics.gapMedianMs !== undefined && metrics.gapP95Ms !== undefined && metrics.gapMaxMs !== undefined) {
    parts.push(`gaps median ${ms(metrics.gapMedianMs)}, p95 ${ms(metrics.gapP95Ms)}, max ${ms(metrics.gapMaxMs)}`);
  }
  parts.push(`total ${ms(metrics.totalMs)}`);
  return parts;
}
