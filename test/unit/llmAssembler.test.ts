import { strict as assert } from 'node:assert';
import { ReplyAssembler, type Reply } from '../../src/shared/llm/assembler';
import type { LlmFormat } from '../../src/shared/llm/pieces';
import type { EventRecord, SseRecord } from '../../src/shared/record';
import * as F from './support/llmFixtures';
import { parseText } from './support/parse';

/** The fixture's body through the engine's own parser, as event records 10 ms apart (after an open at 5 ms). */
export function recordsOf(fixture: F.LlmFixture): SseRecord[] {
  const open: SseRecord = { kind: 'open', seq: 1, t: 5, at: 0, connection: 1, status: 200, url: 'http://x/', headers: {}, ttfbMs: 4 };
  const events = parseText(fixture.blocks.join('')).events.map((event, i): EventRecord => ({
    kind: 'event',
    seq: i + 2,
    t: 10 * (i + 1),
    at: 0,
    type: event.type,
    data: event.data,
    id: null,
    lastEventId: '',
    size: event.size,
    dt: null,
  }));
  return [open, ...events];
}

function assemble(fixture: F.LlmFixture): { reply: Reply; assembler: ReplyAssembler; deltas: string[] } {
  const assembler = new ReplyAssembler();
  const deltas = recordsOf(fixture).map((record) => assembler.push(record).delta);
  return { reply: assembler.reply, assembler, deltas };
}

const textOf = (reply: Reply, kind: 'text' | 'thinking') =>
  reply.blocks
    .filter((block) => block.kind === kind)
    .map((block) => block.text)
    .join('');

interface Expected {
  format: LlmFormat;
  text: string;
  tool?: { name: string; id?: string; args: object };
}

const EXPECTED: Array<[F.LlmFixture, Expected]> = [
  [
    F.OPENAI_CHAT,
    {
      format: 'openai-chat',
      text: 'Let me check the weather in Paris ☕.',
      tool: { name: 'get_weather', id: 'call_DdmO9L4j', args: { location: 'Paris, France', unit: 'celsius' } },
    },
  ],
  [F.OPENAI_COMPATIBLE, { format: 'openai-chat', text: 'Hello! How can I help?' }],
  [F.OPENAI_CHAT_ERROR, { format: 'openai-chat', text: 'Once upon a' }],
  [
    F.ANTHROPIC,
    {
      format: 'anthropic',
      text: 'Okay, let me check — un instant.',
      tool: { name: 'get_weather', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', args: { location: 'Paris' } },
    },
  ],
  [F.ANTHROPIC_ERROR, { format: 'anthropic', text: 'Hello' }],
  [
    F.OPENAI_RESPONSES,
    { format: 'openai-responses', text: 'Looking it up now.', tool: { name: 'get_weather', id: 'call_pWkg5qFa', args: { city: 'Paris' } } },
  ],
  [F.OPENAI_RESPONSES_FAILED, { format: 'openai-responses', text: 'Partial answ' }],
  [F.GEMINI, { format: 'gemini', text: 'Sure — checking Paris.', tool: { name: 'get_weather', args: { location: 'Paris' } } }],
  [F.GEMINI_ERROR, { format: 'gemini', text: 'The answer is' }],
];

describe('LLM reply assembler (each provider format, realistic fixtures)', () => {
  for (const [fixture, expected] of EXPECTED) {
    it(`${fixture.name}: recognized as ${expected.format}, text, thinking, tool call, stop, usage and error assembled`, () => {
      const { reply } = assemble(fixture);
      assert.equal(reply.format, expected.format);
      assert.equal(textOf(reply, 'text'), expected.text);
      assert.equal(textOf(reply, 'thinking'), fixture.thinking ?? '');
      assert.equal(reply.stopReason, fixture.stopReason);
      assert.deepEqual(reply.usage, fixture.usage);
      assert.equal(reply.error, fixture.error);
      const tools = reply.blocks.filter((block) => block.kind === 'tool');
      if (expected.tool === undefined) assert.equal(tools.length, 0);
      else {
        assert.equal(tools.length, 1);
        const [tool] = tools;
        assert.ok(tool.complete, 'the tool call is complete');
        assert.equal(tool.tool?.name, expected.tool.name);
        assert.equal(tool.tool?.id, expected.tool.id);
        assert.equal(tool.tool?.pretty, JSON.stringify(expected.tool.args, null, 2));
      }
      assert.equal(reply.droppedBytes, 0);
    });
  }

  it('gives each OpenAI event a short delta text for its row', () => {
    const { deltas } = assemble(F.OPENAI_CHAT);
    assert.deepEqual(deltas, [
      '',
      'role assistant',
      '"Let me"',
      '" check the"',
      '" weather in"',
      '" Paris"',
      '" ☕."',
      'tool get_weather',
      'args "{\\"lo"',
      'args "cation\\":"',
      'args " \\"Paris, France\\""',
      'args ", \\"unit\\": \\"celsius\\"}"',
      'stop tool_calls',
      'usage prompt_tokens 82, completion_tokens 31, total_tokens 113',
      '[DONE]',
    ]);
  });

  it('gives Anthropic events delta texts, thinking and pings included', () => {
    const { deltas } = assemble(F.ANTHROPIC);
    assert.deepEqual(deltas.slice(1, 9), [
      'message_start claude-sonnet-4-5 · usage input_tokens 472, output_tokens 2',
      'block thinking',
      'thinking "I need the"',
      'thinking " weather in Paris."',
      'signature',
      'block done',
      'block text',
      'ping',
    ]);
    assert.equal(deltas[deltas.length - 2], 'stop tool_use · usage output_tokens 89');
  });

  it('marks blocks complete when the provider says so, not before', () => {
    const assembler = new ReplyAssembler();
    const records = recordsOf(F.ANTHROPIC);
    const stopAt = records.findIndex(
      (record) => record.kind === 'event' && record.type === 'content_block_stop' && record.data.includes('"index":1'),
    );
    records.slice(0, stopAt).forEach((record) => assembler.push(record));
    const text = assembler.reply.blocks.find((block) => block.key === '1');
    assert.equal(text?.complete, false);
    assert.deepEqual(assembler.push(records[stopAt]).completed, [text]);
    assert.equal(text?.complete, true);
  });

  it('measures from the first generated text, not the first event: first token, deltas per second, gaps, total', () => {
    const { assembler } = assemble(F.OPENAI_COMPATIBLE);
    // Events at 10, 20, … ms: the role chunk (10) and the empty reasoning (…) carry no text; "The user" is at 20.
    const metrics = assembler.metrics;
    assert.equal(metrics.headersMs, 4);
    assert.equal(metrics.firstTokenMs, 20);
    assert.equal(metrics.deltas, 5);
    assert.equal(metrics.gapMedianMs, 10);
    assert.equal(metrics.gapP95Ms, 10);
    assert.equal(metrics.gapMaxMs, 10);
    assert.equal(metrics.deltasPerSecond, 100);
    assert.equal(metrics.totalMs, 80);
  });

  it('reports gap median, p95 and max from uneven gaps', () => {
    const assembler = new ReplyAssembler();
    const times = [100, 110, 120, 130, 530, 540];
    times.forEach((t, i) =>
      assembler.push({
        kind: 'event',
        seq: i + 1,
        t,
        at: 0,
        type: 'content_block_delta',
        data: JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'x' } }),
        id: null,
        lastEventId: '',
        size: 1,
        dt: null,
      }),
    );
    const metrics = assembler.metrics;
    assert.deepEqual([metrics.gapMedianMs, metrics.gapP95Ms, metrics.gapMaxMs, metrics.firstTokenMs], [10, 400, 400, 100]);
  });
});
