// The one-line summary `--text` prints on stderr after the reply: format, stop reason, usage and timing.
import type { Reply } from '../shared/llm/assembler';
import type { StreamMetrics } from '../shared/llm/metrics';
import { metricsParts, usageText } from '../shared/llm/replyText';
import { visibleLine } from '../shared/visibleText';

/** E.g. `summary: anthropic · stop end_turn · usage input_tokens 12, output_tokens 30 · headers 80 ms · …`. */
export function summaryLine(reply: Reply, metrics: StreamMetrics, rawEvents: number): string {
  const parts = [reply.format ?? (rawEvents > 0 ? `no LLM format recognized, ${rawEvents} events printed as sent` : 'no reply')];
  if (reply.stopReason !== undefined) parts.push(`stop ${reply.stopReason}`);
  if (reply.error !== undefined) parts.push('error');
  if (reply.usage !== undefined) parts.push(`usage ${usageText(reply.usage)}`);
  if (reply.droppedBytes > 0) parts.push(`${reply.droppedBytes} bytes over the reply's cap not kept`);
  return visibleLine(`summary: ${[...parts, ...metricsParts(metrics)].join(' · ')}`);
}
