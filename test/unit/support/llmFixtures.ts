// Realistic LLM stream bodies, as each provider documents them, with the reply `--text` should print for each.
import type { LlmFormat } from '../../../src/shared/llm/pieces';

/** One SSE block: an optional event name and one data line (`data:` without a space when `tight`). */
function block(event: string | undefined, data: unknown, eol = '\n', tight = false): string {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  return `${event === undefined ? '' : `event: ${event}${eol}`}data:${tight ? '' : ' '}${text}${eol}${eol}`;
}

export interface LlmFixture {
  name: string;
  format: LlmFormat;
  /** The request path the provider uses. */
  path: string;
  blocks: string[];
  /** What `--text` prints on stdout. */
  stdout: string;
  /** What it prints as thinking (on stderr), if any. */
  thinking?: string;
  /** The reply's error, as the summary names it. */
  error?: string;
  stopReason?: string;
  usage?: Record<string, number>;
}

const chunk = (delta: object, finish: string | null = null, extra: object = {}) => ({
  id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
  object: 'chat.completion.chunk',
  created: 1741570283,
  model: 'gpt-4o-2024-08-06',
  system_fingerprint: 'fp_eb9dce56a8',
  choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  ...extra,
});

const toolDelta = (call: object) => ({ tool_calls: [{ index: 0, ...call }] });

export const OPENAI_CHAT: LlmFixture = {
  name: 'OpenAI Chat Completions: text, then a tool call, usage and [DONE]',
  format: 'openai-chat',
  path: '/v1/chat/completions',
  blocks: [
    block(undefined, chunk({ role: 'assistant', content: '', refusal: null })),
    ...['Let me', ' check the', ' weather in', ' Paris', ' ☕.'].map((text) => block(undefined, chunk({ content: text }))),
    block(undefined, chunk(toolDelta({ id: 'call_DdmO9L4j', type: 'function', function: { name: 'get_weather', arguments: '' } }))),
    ...['{"lo', 'cation":', ' "Paris, France"', ', "unit": "celsius"}'].map((part) =>
      block(undefined, chunk(toolDelta({ function: { arguments: part } }))),
    ),
    block(undefined, chunk({}, 'tool_calls')),
    block(undefined, { ...chunk({}), choices: [], usage: { prompt_tokens: 82, completion_tokens: 31, total_tokens: 113 } }),
    block(undefined, '[DONE]'),
  ],
  stdout:
    'Let me check the weather in Paris ☕.\n\n[tool call: get_weather, id call_DdmO9L4j]\n{\n  "location": "Paris, France",\n  "unit": "celsius"\n}\n',
  stopReason: 'tool_calls',
  usage: { prompt_tokens: 82, completion_tokens: 31, total_tokens: 113 },
};

/** A compatible server (DeepSeek style): reasoning_content, CRLF line ends, `data:` without the space. */
export const OPENAI_COMPATIBLE: LlmFixture = {
  name: 'OpenAI-compatible (DeepSeek): reasoning_content, CRLF, data: without a space',
  format: 'openai-chat',
  path: '/v1/chat/completions',
  blocks: [
    block(undefined, chunk({ role: 'assistant', content: null, reasoning_content: '' }), '\r\n', true),
    ...['The user', ' greets me.'].map((text) => block(undefined, chunk({ content: null, reasoning_content: text }), '\r\n', true)),
    ...['Hello', '! How can I', ' help?'].map((text) => block(undefined, chunk({ content: text, reasoning_content: null }), '\r\n', true)),
    block(
      undefined,
      chunk({ content: '' }, 'stop', { usage: { prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 } }),
      '\r\n',
      true,
    ),
    block(undefined, '[DONE]', '\r\n', true),
  ],
  stdout: 'Hello! How can I help?\n',
  thinking: 'The user greets me.',
  stopReason: 'stop',
  usage: { prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 },
};

export const OPENAI_CHAT_ERROR: LlmFixture = {
  name: 'OpenAI-compatible: an {"error": …} data object mid-stream',
  format: 'openai-chat',
  path: '/v1/chat/completions',
  blocks: [
    block(undefined, chunk({ role: 'assistant', content: '' })),
    ...['Once', ' upon', ' a'].map((text) => block(undefined, chunk({ content: text }))),
    block(undefined, {
      error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null },
    }),
  ],
  stdout: 'Once upon a\n',
  error: 'server_error: The server had an error while processing your request.',
};

type Typed = { type: string; [field: string]: unknown };
const anthropicEvent = (data: Typed) => block(data.type, data);
const textDelta = (index: number, text: string) =>
  anthropicEvent({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });

const messageStart = anthropicEvent({
  type: 'message_start',
  message: {
    id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
    type: 'message',
    role: 'assistant',
    content: [],
    model: 'claude-sonnet-4-5',
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: 472, output_tokens: 2 },
  },
});

export const ANTHROPIC: LlmFixture = {
  name: 'Anthropic Messages: thinking, text, a tool_use block, ping, message_delta and message_stop',
  format: 'anthropic',
  path: '/v1/messages',
  blocks: [
    messageStart,
    anthropicEvent({ type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } }),
    ...['I need the', ' weather in Paris.'].map((thinking) =>
      anthropicEvent({ type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking } }),
    ),
    anthropicEvent({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'signature_delta', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3h' },
    }),
    anthropicEvent({ type: 'content_block_stop', index: 0 }),
    anthropicEvent({ type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } }),
    anthropicEvent({ type: 'ping' }),
    ...['Okay,', ' let me check', ' — un instant.'].map((text) => textDelta(1, text)),
    anthropicEvent({ type: 'content_block_stop', index: 1 }),
    anthropicEvent({
      type: 'content_block_start',
      index: 2,
      content_block: { type: 'tool_use', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', input: {} },
    }),
    ...['', '{"location":', ' "Paris"}'].map((partial_json) =>
      anthropicEvent({ type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json } }),
    ),
    anthropicEvent({ type: 'content_block_stop', index: 2 }),
    anthropicEvent({ type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 89 } }),
    anthropicEvent({ type: 'message_stop' }),
  ],
  stdout: 'Okay, let me check — un instant.\n\n[tool call: get_weather, id toolu_01T1x1fJ34qAmk2tNTrN7Up6]\n{\n  "location": "Paris"\n}\n',
  thinking: 'I need the weather in Paris.',
  stopReason: 'tool_use',
  usage: { input_tokens: 472, output_tokens: 89 },
};

export const ANTHROPIC_ERROR: LlmFixture = {
  name: 'Anthropic Messages: an overloaded_error event after a 200, mid-stream',
  format: 'anthropic',
  path: '/v1/messages',
  blocks: [
    messageStart,
    anthropicEvent({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    textDelta(0, 'Hel'),
    textDelta(0, 'lo'),
    anthropicEvent({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
  ],
  stdout: 'Hello\n',
  error: 'overloaded_error: Overloaded',
  usage: { input_tokens: 472, output_tokens: 2 },
};

/** Responses API events: each named like its `type`, each with a sequence_number. */
function responsesBlocks(events: Typed[]): string[] {
  return events.map((event, sequence_number) => block(event.type, { ...event, sequence_number }));
}

const response = (status: string, extra: object = {}) => ({
  id: 'resp_67ccd2bed1ec8190b14f964abc054267',
  object: 'response',
  created_at: 1741476542,
  status,
  model: 'gpt-5-2025-08-07',
  output: [],
  usage: null,
  ...extra,
});

export const OPENAI_RESPONSES: LlmFixture = {
  name: 'OpenAI Responses: reasoning summary, output text, a function call and response.completed',
  format: 'openai-responses',
  path: '/v1/responses',
  blocks: responsesBlocks([
    { type: 'response.created', response: response('in_progress') },
    { type: 'response.in_progress', response: response('in_progress') },
    { type: 'response.output_item.added', output_index: 0, item: { id: 'rs_1', type: 'reasoning', summary: [] } },
    {
      type: 'response.reasoning_summary_part.added',
      item_id: 'rs_1',
      output_index: 0,
      summary_index: 0,
      part: { type: 'summary_text', text: '' },
    },
    ...['**Checking**', ' the forecast'].map((delta) => ({
      type: 'response.reasoning_summary_text.delta',
      item_id: 'rs_1',
      output_index: 0,
      summary_index: 0,
      delta,
    })),
    { type: 'response.reasoning_summary_text.done', item_id: 'rs_1', output_index: 0, summary_index: 0, text: '**Checking** the forecast' },
    { type: 'response.output_item.done', output_index: 0, item: { id: 'rs_1', type: 'reasoning' } },
    {
      type: 'response.output_item.added',
      output_index: 1,
      item: { id: 'msg_1', type: 'message', status: 'in_progress', role: 'assistant', content: [] },
    },
    {
      type: 'response.content_part.added',
      item_id: 'msg_1',
      output_index: 1,
      content_index: 0,
      part: { type: 'output_text', text: '', annotations: [] },
    },
    ...['Looking', ' it up', ' now.'].map((delta) => ({
      type: 'response.output_text.delta',
      item_id: 'msg_1',
      output_index: 1,
      content_index: 0,
      delta,
      logprobs: [],
    })),
    { type: 'response.output_text.done', item_id: 'msg_1', output_index: 1, content_index: 0, text: 'Looking it up now.' },
    {
      type: 'response.content_part.done',
      item_id: 'msg_1',
      output_index: 1,
      content_index: 0,
      part: { type: 'output_text', text: 'Looking it up now.' },
    },
    { type: 'response.output_item.done', output_index: 1, item: { id: 'msg_1', type: 'message', status: 'completed' } },
    {
      type: 'response.output_item.added',
      output_index: 2,
      item: { id: 'fc_1', type: 'function_call', status: 'in_progress', arguments: '', call_id: 'call_pWkg5qFa', name: 'get_weather' },
    },
    ...['{"city"', ':"Par', 'is"}'].map((delta) => ({
      type: 'response.function_call_arguments.delta',
      item_id: 'fc_1',
      output_index: 2,
      delta,
    })),
    { type: 'response.function_call_arguments.done', item_id: 'fc_1', output_index: 2, arguments: '{"city":"Paris"}' },
    { type: 'response.output_item.done', output_index: 2, item: { id: 'fc_1', type: 'function_call', status: 'completed' } },
    {
      type: 'response.completed',
      response: response('completed', {
        usage: {
          input_tokens: 36,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: 87,
          output_tokens_details: { reasoning_tokens: 64 },
          total_tokens: 123,
        },
      }),
    },
  ]),
  stdout: 'Looking it up now.\n\n[tool call: get_weather, id call_pWkg5qFa]\n{\n  "city": "Paris"\n}\n',
  thinking: '**Checking** the forecast',
  stopReason: 'completed',
  usage: {
    input_tokens: 36,
    'input_tokens_details.cached_tokens': 0,
    output_tokens: 87,
    'output_tokens_details.reasoning_tokens': 64,
    total_tokens: 123,
  },
};

export const OPENAI_RESPONSES_FAILED: LlmFixture = {
  name: 'OpenAI Responses: an error event, then response.failed',
  format: 'openai-responses',
  path: '/v1/responses',
  blocks: responsesBlocks([
    { type: 'response.created', response: response('in_progress') },
    {
      type: 'response.output_item.added',
      output_index: 0,
      item: { id: 'msg_1', type: 'message', status: 'in_progress', role: 'assistant', content: [] },
    },
    ...['Partial', ' answ'].map((delta) => ({
      type: 'response.output_text.delta',
      item_id: 'msg_1',
      output_index: 0,
      content_index: 0,
      delta,
    })),
    { type: 'error', code: 'server_error', message: 'The model produced invalid content.', param: null },
    {
      type: 'response.failed',
      response: response('failed', { error: { code: 'server_error', message: 'The model produced invalid content.' } }),
    },
  ]),
  stdout: 'Partial answ\n',
  error: 'server_error: The model produced invalid content.',
  stopReason: 'failed',
};

const candidate = (parts: object[], finishReason?: string) => ({
  candidates: [{ content: { parts, role: 'model' }, index: 0, ...(finishReason === undefined ? {} : { finishReason }) }],
  modelVersion: 'gemini-2.5-flash',
  responseId: 'mKQsaKb1Db2E7dcP',
});

const geminiUsage = { promptTokenCount: 11, candidatesTokenCount: 24, totalTokenCount: 75, thoughtsTokenCount: 40 };

/** Gemini with CRLF line ends, as seen in the wild. */
export const GEMINI: LlmFixture = {
  name: 'Gemini alt=sse: a thought part, text parts, a whole functionCall, finishReason and usageMetadata (CRLF)',
  format: 'gemini',
  path: '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
  blocks: [
    block(undefined, candidate([{ text: '**Planning** a forecast call', thought: true }]), '\r\n'),
    block(undefined, candidate([{ text: 'Sure — ' }]), '\r\n'),
    block(undefined, candidate([{ text: 'checking Paris.' }]), '\r\n'),
    block(
      undefined,
      { ...candidate([{ functionCall: { name: 'get_weather', args: { location: 'Paris' } } }], 'STOP'), usageMetadata: geminiUsage },
      '\r\n',
    ),
  ],
  stdout: 'Sure — checking Paris.\n\n[tool call: get_weather]\n{\n  "location": "Paris"\n}\n',
  thinking: '**Planning** a forecast call',
  stopReason: 'STOP',
  usage: geminiUsage,
};

export const GEMINI_ERROR: LlmFixture = {
  name: 'Gemini alt=sse: an {"error": …} object mid-stream',
  format: 'gemini',
  path: '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
  blocks: [
    block(undefined, candidate([{ text: 'The answer' }])),
    block(undefined, candidate([{ text: ' is' }])),
    block(undefined, { error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } }),
  ],
  stdout: 'The answer is\n',
  error: 'UNAVAILABLE: The model is overloaded. Please try again later.',
};

export const ALL_FIXTURES = [
  OPENAI_CHAT,
  OPENAI_COMPATIBLE,
  OPENAI_CHAT_ERROR,
  ANTHROPIC,
  ANTHROPIC_ERROR,
  OPENAI_RESPONSES,
  OPENAI_RESPONSES_FAILED,
  GEMINI,
  GEMINI_ERROR,
];
