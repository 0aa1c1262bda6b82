// The engine reads a body a chunk at a time as it was handed over: chunks that wait are not merged (a Readable's
// async iterator would copy them into one), an error comes after the chunks before it, a body cut short is an error.

import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import { BodyChunks } from '../../src/engine/bodyChunks';

async function readAll(reader: BodyChunks): Promise<string[]> {
  const chunks: string[] = [];
  for (let chunk = await reader.next(); chunk !== undefined; chunk = await reader.next()) chunks.push(chunk.toString());
  return chunks;
}

describe('body chunks (the engine reading a response body)', () => {
  it('hands over chunks written before it read any one by one, as written, then the end', async () => {
    const body = new PassThrough();
    const reader = new BodyChunks(body);
    body.write('data: 1\n\n');
    body.write('data: 2\n');
    body.end('\n');
    assert.deepEqual(await readAll(reader), ['data: 1\n\n', 'data: 2\n', '\n']);
    const merged: string[] = [];
    const again = new PassThrough();
    again.write('data: 1\n\n');
    again.write('data: 2\n');
    again.end('\n');
    for await (const chunk of again) merged.push(String(chunk));
    assert.ok(
      merged.length < 3,
      `the async iterator this replaces merges waiting chunks (${merged.length}): otherwise this test proves nothing`,
    );
  });

  it('throws a body error after the chunks that came before it', async () => {
    const body = new PassThrough();
    const reader = new BodyChunks(body);
    body.write('data: kept\n\n');
    assert.equal((await reader.next())?.toString(), 'data: kept\n\n');
    body.destroy(new Error('socket hang up'));
    await assert.rejects(reader.next(), /socket hang up/);
  });

  it('reads a body closed before its end as an error, not as a clean end', async () => {
    const body = new PassThrough();
    const reader = new BodyChunks(body);
    body.write('data: 1\n\n');
    assert.equal((await reader.next())?.toString(), 'data: 1\n\n');
    body.destroy();
    await assert.rejects(reader.next(), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });
});
