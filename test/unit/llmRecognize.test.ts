import { strict as assert } from 'node:assert';
import { ReplyAssembler, utf8Bytes } from '../../src/shared/llm/assembler';
import { eventDeltaText } from '../../src/shared/llm/recognize';
import type { EventRecord } from '../../src/shared/record';

const event = (type: string, data: unknown, t = 1): EventRecord => {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  return { kind: 'event', seq: t, t, at: 0, type, data: text, id: null, lastEventId: '', size: text.length, dt: null };
};
const anthropicText = (index: number, text: string) => ({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });

describe('LLM recognition and limits', () => {
  it('does not take ordinary JSON streams for an LLM format', () => {
    const assembler = new ReplyAssembler();
    for (const data of ['{"message": "Hello SSE 1"}', '{"type":"update","value":3}', '{"choices":[1,2]}', '[1,2,3]', 'plain text', '{}']) {
      assert.equal(assembler.push(event('message', data)).recognized, false, data);
      assert.equal(eventDeltaText('message', data), undefined, data);
    }
    assert.equal(assembler.reply.format, undefined);
    assert.deepEqual(assembler.reply.blocks, []);
  });

  it('needs the event name to match for ping, and a response.* type to match its event name', () => {
    assert.equal(eventDeltaText('message', '{"type":"ping"}'), undefined);
    assert.equal(eventDeltaText('ping', '{"type":"ping"}'), 'ping');
    assert.equal(eventDeltaText('other', '{"type":"response.output_text.delta","delta":"x"}'), undefined);
    assert.equal(eventDeltaText('response.output_text.delta', '{"type":"response.output_text.delta","delta":"x"}'), '"x"');
  });

  it('once a format is recognized, reads later events only as that format', () => {
    const assembler = new ReplyAssembler();
    assembler.push(event('content_block_delta', anthropicText(0, 'A')));
    // A Gemini-shaped event in an Anthropic stream is not Anthropic.
    const step = assembler.push(event('message', { candidates: [{ content: { parts: [{ text: 'B' }] } }] }));
    assert.equal(step.recognized, false);
    assert.equal(assembler.reply.blocks[0].text, 'A');
  });

  it('marks an error object as the reply error whatever the format', () => {
    for (const [data, expected] of [
      [
        '{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}',
        'invalid_request_error: Incorrect API key provided',
      ],
      ['{"error":"rate limited"}', 'rate limited'],
      ['{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}', 'overloaded_error: Overloaded'],
    ]) {
      const assembler = new ReplyAssembler();
      const step = assembler.push(event('message', data));
      assert.equal(assembler.reply.error, expected);
      assert.equal(step.delta, `error: ${expected}`);
    }
  });

  it('keeps at most maxBytes of text, never splitting a character, and counts what it dropped', () => {
    const assembler = new ReplyAssembler({ maxBytes: 128 + 1 + 10 });
    // 128 bytes go to the block itself; the rest to text: "é" is 2 bytes, so 5 of them fit in 10 bytes.
    assembler.push(event('content_block_delta', anthropicText(0, 'éééééé'), 1));
    assembler.push(event('content_block_delta', anthropicText(0, 'zz'), 2));
    const [block] = assembler.reply.blocks;
    assert.equal(block.text, 'ééééé');
    assert.equal(assembler.reply.droppedBytes, 2 + 2);
    assert.equal(assembler.metrics.deltas, 2, 'dropped text still counts as a delta for timing');
  });

  it('bounds a flood of empty blocks too', () => {
    const assembler = new ReplyAssembler({ maxBytes: 64 * 1024 });
    for (let i = 0; i < 10_000; i++) assembler.push(event('content_block_delta', anthropicText(i, 'x'), i));
    const kept = assembler.reply.blocks.reduce((sum, block) => sum + utf8Bytes(block.text) + 128 + block.key.length, 0);
    assert.ok(kept <= 64 * 1024 + 200, `kept ${kept} bytes`);
    assert.ok(assembler.reply.droppedBytes > 0);
  });

  it('counts UTF-8 bytes as Buffer does', () => {
    for (const text of ['', 'abc', 'é', '€', '😀', 'a😀é€', '\ud800']) assert.equal(utf8Bytes(text), Buffer.byteLength(text), text);
  });

  it('leaves tool arguments that are not valid JSON as received, without a pretty form', () => {
    const assembler = new ReplyAssembler();
    assembler.push(
      event('content_block_start', {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: 't1', name: 'f', input: {} },
      }),
    );
    assembler.push(
      event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"a":' } }),
    );
    assembler.push(event('content_block_stop', { type: 'content_block_stop', index: 0 }));
    const [tool] = assembler.reply.blocks;
    assert.equal(tool.complete, true);
    assert.equal(tool.text, '{"a":');
    assert.equal(tool.tool?.pretty, undefined);
  });

  it('completes earlier blocks of a choice when a later one starts, so reasoning then text print one after another', () => {
    const assembler = new ReplyAssembler();
    const chunk = (delta: object) => event('message', { object: 'chat.completion.chunk', choices: [{ index: 0, delta }] });
    assembler.push(chunk({ reasoning_content: 'hmm' }));
    const step = assembler.push(chunk({ content: 'Hi' }));
    const [thinking, text] = assembler.reply.blocks;
    assert.deepEqual([thinking.kind, thinking.complete, text.kind, text.complete], ['thinking', true, 'text', false]);
    assert.deepEqual(step.completed, [thinking]);
  });

  it('puts text that arrives for a completed block into a new block after the others', () => {
    const assembler = new ReplyAssembler();
    const parts = (...list: object[]) => event('message', { candidates: [{ index: 0, content: { parts: list } }] });
    assembler.push(parts({ text: 'Before ' }));
    assembler.push(parts({ functionCall: { name: 'f', args: {} } }));
    assembler.push(parts({ text: 'after.' }));
    assert.deepEqual(
      assembler.reply.blocks.map((block) => [block.kind, block.text, block.complete]),
      [
        ['text', 'Before ', true],
        ['tool', '{}', true],
        ['text', 'after.', false],
      ],
    );
  });
});
