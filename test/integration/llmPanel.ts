// Extension-host side: a panel on the loopback LLM server's Anthropic Messages stream (thinking, text, a tool call),
// connected as a user would send it, once the stream has closed.
import { connect, tableShowing, waitFor } from './helpers';
import { GOOD_KEY, routeUrl } from '../unit/support/llmServers';
import type { RawServer } from '../unit/support/rawServer';

export async function finishedAnthropicPanel(server: RawServer): Promise<{ panelId: string; url: string }> {
  const url = routeUrl(server, 'anthropic');
  const panelId = await connect({
    url,
    method: 'POST',
    headers: `x-api-key: ${GOOD_KEY}\nanthropic-version: 2023-06-01\nContent-Type: application/json`,
    body: '{"model":"claude-sonnet-4-5","max_tokens":1024,"stream":true,"messages":[{"role":"user","content":"Weather in Paris?"}]}',
  });
  await waitFor(
    'the LLM stream to close',
    () => tableShowing(url),
    (table) => table.rowKeys.at(-1) === 'closed',
  );
  return { panelId, url };
}
