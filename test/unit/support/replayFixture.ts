// A timed source stream for replay tests and the replay bench: recorded through the CLI, replayed from the mock.
import { strict as assert } from 'node:assert';
import { MockServer } from '../../../src/mock/mockServer';
import { loadRecordingFile } from '../../../src/mock/scenario/load';
import type { Scenario } from '../../../src/mock/scenario/types';
import type { SseRecord } from '../../../src/shared/record';
import { cli } from './cliRun';

export const source: Scenario = {
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

export const records = (ndjson: string): SseRecord[] =>
  ndjson
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as SseRecord);

/** What replay must keep: the stream's records without timing, connection by connection. */
export function shape(list: SseRecord[]): unknown[] {
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
export function gaps(list: SseRecord[]): number[] {
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

export async function record(url: string): Promise<string> {
  const run = await cli(['connect', url, '--json']);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout;
}

export async function replayOf(file: string, speed: number): Promise<SseRecord[]> {
  const server = await MockServer.start({ scenarios: [await loadRecordingFile(file, speed)] });
  try {
    return records(await record(`${server.url}/replay`));
  } finally {
    await server.stop();
  }
}
