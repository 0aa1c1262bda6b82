// Scenarios the mock serves beside the document's /sse: examples of the format and fixtures for the inspector.
import type { ServedScenario } from './serve';
import type { Scenario } from './types';

const flaky: Scenario = {
  description: 'Drops after two events with ids, answers 503 once, then resumes after Last-Event-ID and ends with 204',
  attempts: [
    {
      steps: [
        { retry: 500 },
        { id: '1', data: 'one' },
        { wait: 200 },
        { id: '2', data: 'two' },
        { raw: 'id: 3\ndata: th' },
        { drop: true },
      ],
    },
    { status: 503, headers: { 'Content-Type': 'text/plain' } },
    {
      resume: true,
      steps: [
        { id: '1', data: 'one' },
        { id: '2', data: 'two' },
        { id: '3', data: 'three' },
        { wait: 200 },
        { id: '4', data: 'four' },
        { drop: true },
      ],
    },
    { status: 204 },
  ],
};

const bufferedProxy: Scenario = {
  description: 'Ten events a tenth of a second apart, held by a proxy and flushed once a second',
  transport: { bufferMs: 1000 },
  attempts: [{ steps: Array.from({ length: 10 }, (_, i) => [{ wait: 100 }, { id: String(i + 1), data: `tick ${i + 1}` }]).flat() }],
};

const openAiWords = ['Hello', ' from', ' the', ' mock', '.'];
const openAi: Scenario = {
  description: 'An OpenAI-style chat completion stream ending with [DONE]',
  attempts: [
    {
      steps: [
        ...openAiWords.flatMap((word, i) => [
          { wait: 50 },
          {
            data: JSON.stringify({
              id: 'chatcmpl-mock',
              object: 'chat.completion.chunk',
              model: 'mock-model',
              choices: [{ index: 0, delta: i === 0 ? { role: 'assistant', content: word } : { content: word }, finish_reason: null }],
            }),
          },
        ]),
        {
          data: JSON.stringify({
            id: 'chatcmpl-mock',
            object: 'chat.completion.chunk',
            model: 'mock-model',
            choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
          }),
        },
        { data: '[DONE]' },
      ],
    },
  ],
};

const anthropicEvent = (event: string, body: object): { event: string; data: string } => ({
  event,
  data: JSON.stringify({ type: event, ...body }),
});
const anthropic: Scenario = {
  description: 'An Anthropic-style Messages stream: message_start, text deltas, ping, message_stop',
  attempts: [
    {
      steps: [
        anthropicEvent('message_start', {
          message: { id: 'msg_mock', type: 'message', role: 'assistant', model: 'mock-model', content: [] },
        }),
        anthropicEvent('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
        anthropicEvent('ping', {}),
        ...['Hello', ' from', ' the', ' mock', '.'].flatMap((text) => [
          { wait: 50 },
          anthropicEvent('content_block_delta', { index: 0, delta: { type: 'text_delta', text } }),
        ]),
        anthropicEvent('content_block_stop', { index: 0 }),
        anthropicEvent('message_delta', { delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 5 } }),
        anthropicEvent('message_stop', {}),
      ],
    },
  ],
};

const torture: Scenario = {
  description: 'CRLF line ends, a BOM, comments, lone CR in raw framing and multibyte characters split byte by byte',
  transport: { lineEnding: 'crlf', bom: true, chunkBytes: 1 },
  attempts: [
    {
      steps: [
        { comment: 'framing torture test' },
        { event: 'greeting', id: 'a', data: 'héllo wörld ✓ 😀' },
        { raw: 'data: lone CR ends this line\rdata: and this one\r\r' },
        { data: 'two\nlines' },
        { raw: ': a comment with no blank line after it\n' },
        { id: 'b', data: '日本語' },
      ],
    },
  ],
};

/** Built-in scenarios and their paths. */
export const BUILT_IN_SCENARIOS: readonly ServedScenario[] = [
  { path: '/scenario/flaky', scenario: flaky },
  { path: '/scenario/buffered-proxy', scenario: bufferedProxy },
  { path: '/scenario/openai', scenario: openAi },
  { path: '/scenario/anthropic', scenario: anthropic },
  { path: '/scenario/torture', scenario: torture },
].map((entry) => ({ ...entry, source: 'built-in' }));
