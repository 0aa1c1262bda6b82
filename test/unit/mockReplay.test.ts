import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { recordingToScenario } from '../../src/mock/replay';
import type { SseRecord } from '../../src/shared/record';
import { buildCli } from './support/cliBundle';
import { MockServer } from '../../src/mock/mockServer';
import { gaps, record, records, replayOf, shape, source } from './support/replayFixture';

describe('mock: replaying a recording', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sse-replay-'));
  before(async () => {
    await buildCli();
  });

  it('turns a recording into attempts: boundaries, steps, pauses divided by speed, no credential headers, a final 204', () => {
    const ndjson = [
      {
        kind: 'open',
        t: 10,
        connection: 1,
        status: 200,
        headers: { 'content-type': 'text/event-stream', authorization: 'Bearer s3cret', 'set-cookie': 'a=b', 'content-length': '9' },
      },
      { kind: 'event', t: 30, type: 'message', data: 'a', id: '1' },
      { kind: 'comment', t: 130, text: 'c' },
      { kind: 'error', t: 140, message: 'The connection was reset', willReconnect: true },
      { kind: 'reconnect', t: 141 },
      {
        kind: 'error',
        t: 200,
        message: 'The server answered 503',
        status: 503,
        headers: { 'content-type': 'text/plain' },
        body: 'busy',
        willReconnect: false,
      },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    assert.deepEqual(recordingToScenario(ndjson, 'rec.ndjson', 2).attempts, [
      {
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        steps: [{ wait: 10 }, { id: '1', data: 'a' }, { wait: 50 }, { comment: 'c' }, { wait: 5 }, { drop: true }],
        resume: true,
      },
      { status: 503, headers: { 'content-type': 'text/plain' }, steps: [{ raw: 'busy' }] },
      { status: 204 },
    ]);
    assert.doesNotMatch(JSON.stringify(recordingToScenario(ndjson, 'rec.ndjson', 0)), /s3cret|a=b|wait/);
    assert.throws(() => recordingToScenario('{"kind":"open","t":0}\nnope', 'rec.ndjson', 1), /rec\.ndjson: line 2: not a JSON record/);
  });

  it('a recorded stream (ids, comments, retry, a drop and a resume) replays with the same records and boundaries, at ×10 in well under the ×1 time', async () => {
    const origin = await MockServer.start({ scenarios: [{ path: '/source', scenario: source, source: 'test' }] });
    let original: SseRecord[];
    try {
      original = records(await record(`${origin.url}/source`));
    } finally {
      await origin.stop();
    }
    const file = path.join(dir, 'recording.ndjson');
    writeFileSync(file, original.map((r) => JSON.stringify(r)).join('\n'));
    assert.equal(original.filter((r) => r.kind === 'open').length, 2, 'the source had a reconnect');

    const once = await replayOf(file, 1);
    assert.deepEqual(shape(once), shape(original));
    const fast = await replayOf(file, 10);
    assert.deepEqual(shape(fast), shape(original));
    // Timing against the clock is measured in `npm run bench -- replay` (BENCHMARKS.md); here only a ratio of two
    // replays in the same run, loose enough for a loaded machine: ×10 takes well under half the ×1 gaps.
    const sum = (list: number[]): number => list.reduce((total, gap) => total + gap, 0);
    const [slow, quick] = [sum(gaps(once)), sum(gaps(fast))];
    assert.ok(quick < slow / 2, `×10 took ${quick} ms of gaps, ×1 took ${slow} ms`);
  });
});
