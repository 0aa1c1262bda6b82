// The one-line summary `--text` prints on stderr after the reply: format, stop reason, usage and timing.
import type { Reply } from '../shared/llm/assembler';
import type { StreamMetrics } from '../shared/llm/metrics';
import { visibleLine } from '../shared/visibleText';

const ms = (value: number) => `${Math.round(value)} ms`;

function timing(metrics: StreamMetrics): string[] {
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

/** E.g. `summary: anthropic · stop end_turn · usage input_tokens 12, output_tokens 30 · headers 80 ms · …`. */
export function summaryLine(reply: Reply, metrics: StreamMetrics, rawEvents: number): string {
  const parts = [reply.format ?? (rawEvents > 0 ? `no LLM format recognized, ${rawEvents} events printed as sent` : 'no reply')];
  if (reply.stopReason !== undefined) parts.push(`stop ${reply.stopReason}`);
  if (reply.error !== undefined) parts.push('error');
  if (reply.usage !== undefined) {
    parts.push(
      `usage ${Object.entries(reply.usage)
        .map(([name, count]) => `${name} ${count}`)
        .join(', ')}`,
    );
  }
  if (reply.droppedBytes > 0) parts.push(`${reply.droppedBytes} bytes over the reply's cap not kept`);
  return visibleLine(`summary: ${[...parts, ...timing(metrics)].join(' · ')}`);
}
