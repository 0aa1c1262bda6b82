import { strict as assert } from 'node:assert';
import { TextOutput } from '../../src/cli/textOutput';
import type { SseRecord } from '../../src/shared/record';

/** A TextOutput writing into strings, and a way to feed it events and the close. */
function output() {
  const sink = { out: '', err: '', writes: [] as string[] };
  const text = new TextOutput({ out: (part) => ((sink.out += part), sink.writes.push(part)), err: (part) => (sink.err += part) });
  let seq = 0;
  const feed = (type: string, data: unknown) => {
    seq += 1;
    const body = typeof data === 'string' ? data : JSON.stringify(data);
    text.write({ kind: 'event', seq, t: seq, at: 0, type, data: body, id: null, lastEventId: '', size: body.length, dt: null });
  };
  const close = () => text.write({ kind: 'closed', seq: ++seq, t: seq, at: 0, reason: 'user' } as SseRecord);
  return { sink, feed, close };
}

describe('--text output (in process)', () => {
  it('prints the reply live, delta by delta, not at the end', () => {
    const { sink, feed } = output();
    feed('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hel' } });
    assert.equal(sink.out, 'Hel');
    feed('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'lo' } });
    assert.deepEqual(sink.writes, ['Hel', 'lo']);
  });

  it('prints two interleaved choices one after the other, the second once the first is finished', () => {
    const { sink, feed, close } = output();
    const chunk = (index: number, content: string, finish: string | null = null) =>
      feed('message', { object: 'chat.completion.chunk', choices: [{ index, delta: { content }, finish_reason: finish }] });
    chunk(0, 'A1 ');
    chunk(1, 'B1 ');
    chunk(0, 'A2');
    assert.equal(sink.out, 'A1 A2');
    chunk(1, 'B2');
    chunk(0, '', 'stop');
    assert.equal(sink.out, 'A1 A2\n\nB1 B2');
    chunk(1, '', 'stop');
    close();
    assert.equal(sink.out, 'A1 A2\n\nB1 B2\n');
    assert.match(sink.err, /^summary: openai-chat · stop stop · /);
  });

  it('escapes control characters a model could use to drive the terminal, keeping line breaks and tabs', () => {
    const { sink, feed } = output();
    feed('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'a\u001b[2Jb\n\tc\u202e' } });
    assert.equal(sink.out, 'a\\u001b[2Jb\n\tc\\u202e');
  });
});
