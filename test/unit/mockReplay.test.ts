import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MockServer } from '../../src/mock/mockServer';
import { recordingToScenario } from '../../src/mock/replay';
import { loadRecordingFile } from '../../src/mock/scenario/load';
import type { Scenario } from '../../src/mock/scenario/types';
import type { SseRecord } from '../../src/shared/record';
import { buildCli } from './support/cliBundle';
import { cli } from './support/cliRun';

const source: Scenario = {
  attempts: [
    {
      headers: { 'X-Trace': 'abc' },
      steps: [
        { retry: 50 },
        { comment: 'hello' },
        { id: '1', data: 'one' },
        { wait: 150 },
        { id: '2', event: 'note', data: 'two\nlines' },
        { wait: 250 },
        { id: '3', data: 'three' },
        { raw: 'id: 4\ndata: fo' },
        { drop: true },
      ],
    },
    { resume: true, steps: [{ id: '4', data: 'four' }, { wait: 200 }, { comment: 'bye' }, { id: '5', data: 'five' }] },
    { status: 204 },
  ],
};

const records = (ndjson: string): SseRecord[] =>
  ndjson
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as SseRecord);

/** What replay must keep: the stream's records without timing, connection by connection. */
function shape(list: SseRecord[]): unknown[] {
  return list.flatMap((r): unknown[][] => {
    switch (r.kind) {
      case 'open':
        return [['open', r.connection, r.status, r.headers['x-trace']]];
      case 'event':
        return [['event', r.type, r.data, r.id, r.lastEventId]];
      case 'comment':
        return [['comment', r.text]];
      case 'retry':
        return [['retry', r.ms]];
      case 'closed':
        return [['closed', r.reason]];
      default:
        return [];
    }
  });
}

/** Milliseconds between consecutive events and comments within each connection. */
function gaps(list: SseRecord[]): number[] {
  const out: number[] = [];
  let previous: number | undefined;
  for (const r of list) {
    if (r.kind === 'open') previous = r.t;
    else if ((r.kind === 'event' || r.kind === 'comment') && previous !== undefined) {
      out.push(r.t - previous);
      previous = r.t;
    }
  }
  return out;
}

async function record(url: string): Promise<string> {
  const run = await cli(['connect', url, '--json']);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout;
}

async function replayOf(file: string, speed: number): Promise<SseRecord[]> {
  const server = await MockServer.start({ scenarios: [await loadRecordingFile(file, speed)] });
  try {
    return records(await record(`${server.url}/replay`));
  } finally {
    await server.stop();
  }
}

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

  it('a recorded stream (ids, comments, retry, a drop and a resume) replays with the same records and boundaries, ×1 gaps within max(10%, 20 ms), ×10 about a tenth', async () => {
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
    const [before, after] = [gaps(original), gaps(once)];
    before.forEach((gap, i) => {
      assert.ok(Math.abs(after[i]! - gap) <= Math.max(0.1 * gap, 20), `gap ${i}: ${after[i]} ms replayed, ${gap} ms recorded`);
    });

    const fast = await replayOf(file, 10);
    assert.deepEqual(shape(fast), shape(original));
    const sum = (list: number[]): number => list.reduce((a, b) => a + b, 0);
    const [slow, quick] = [sum(before), sum(gaps(fast))];
    assert.ok(Math.abs(quick - slow / 10) <= Math.max(0.1 * (slow / 10), 20), `×10 took ${quick} ms of gaps, ×1 took ${slow} ms`);
  });
});
