import { strict as assert } from 'node:assert';
import { NdjsonFormatter } from '../../src/cli/ndjson';
import { SseConnection } from '../../src/engine/connection';
import type { SseRecord } from '../../src/shared/record';
import { openStream, RawServer, writePieces } from './support/rawServer';

// Events whose strings JSON must escape, or must not: every --json line has to be JSON.stringify's, byte for byte.
const BODY = [
  'retry: 1500\n\n',
  ': a comment\n\n',
  'data: plain\n\n',
  'data: plain\n\n',
  'id: 7\nevent: tick\ndata: {"quoted": "\\\\ back"}\n\n',
  'id: \ndata: after an empty id\n\n',
  'data: tab\there\ndata: second line\n\n',
  'data: \u0001\u001f\u007f control, \u202e bidi, é, 😀, \u2028\n\n',
  `data: ${'long '.repeat(100)}\n\n`,
  'event: end\ndata: {}\n\n',
];

describe('CLI NDJSON lines', () => {
  it('are exactly JSON.stringify of each record the engine makes, whatever the strings hold', async () => {
    const server = await RawServer.start((_req, res) => {
      openStream(res);
      void writePieces(res, [BODY.slice(0, 4).join(''), ...BODY.slice(4)], 5);
    });
    try {
      const records: SseRecord[] = [];
      await new SseConnection({ url: server.url, reconnect: { mode: 'never' } }, (record) => records.push(record)).done;
      assert.equal(records.filter((record) => record.kind === 'event').length, 8);
      const formatter = new NdjsonFormatter();
      for (const record of records) assert.equal(formatter.line(record), JSON.stringify(record));
    } finally {
      await server.stop();
    }
  });

  it('never reuses a kept number or type for a record that differs', () => {
    const formatter = new NdjsonFormatter();
    const event = (seq: number, t: number, dt: number | null, type: string): SseRecord => ({
      kind: 'event',
      seq,
      t,
      at: 1_700_000_000_000 + t,
      type,
      data: String(seq),
      id: null,
      lastEventId: '',
      size: 1,
      dt,
    });
    for (const record of [
      event(1, 0.5, null, 'a'),
      event(2, 0.5, 0, 'a'),
      event(3, 1.25, 0.75, 'b"c'),
      event(4, 1.25, 0, 'a'),
      event(5, 2, null, 'a'),
    ]) {
      assert.equal(formatter.line(record), JSON.stringify(record));
    }
  });
});
