import { strict as assert } from 'node:assert';
import { useSocketServer } from './support/socketServer';
import { connect, kinds, once } from './support/records';
import { parseText } from './support/parse';
import { MAX_ID_BYTES } from '../../src/engine/options';
import type { ClosedRecord, ErrorRecord } from '../../src/shared/record';

const MiB = 1024 * 1024;
const ID_ERROR = 'An id longer than the 4 KiB limit for ids: the connection was closed';

describe('engine: the id size limit', () => {
  const server = useSocketServer();

  it('fails on a 7 MB id line before any record carries it, naming the limit', async () => {
    const session = connect(once(server().url));
    const socket = await server().accepted();
    socket.write(`data: before\n\nid: ${'7'.repeat(7 * MiB)}\n`);
    socket.write('data: a\n\ndata: b\n\n');
    const closed = await session.connection.done;
    assert.deepEqual(kinds(session.records), ['open', 'event', 'error', 'closed']);
    const error = session.records[2] as ErrorRecord;
    assert.equal(error.message, ID_ERROR);
    assert.equal(error.willReconnect, false);
    assert.equal(closed.reason, 'failed');
    assert.equal((session.records[3] as ClosedRecord).message, ID_ERROR);
    // The memory that matters: no record holds the id, so nothing is copied per record, view or export.
    for (const record of session.records) assert.ok(JSON.stringify(record).length < MAX_ID_BYTES, `${record.kind} record is small`);
  });

  it('fails on a long id in a block without data too (the id still becomes the last event ID there)', async () => {
    const session = connect(once(server().url));
    const socket = await server().accepted();
    socket.write(`id: ${'x'.repeat(MAX_ID_BYTES + 1)}\n\ndata: a\n\n`);
    await session.connection.done;
    assert.deepEqual(kinds(session.records), ['open', 'error', 'closed']);
    assert.equal((session.records[1] as ErrorRecord).message, ID_ERROR);
  });

  it('accepts an id of exactly 4096 UTF-8 bytes and carries it; one byte more fails', () => {
    const exact = parseText(`id: ${'x'.repeat(MAX_ID_BYTES)}\ndata: a\n\n`);
    assert.equal(exact.tooLarge, false);
    assert.equal(exact.events[0].lastEventId.length, MAX_ID_BYTES);
    const over = parseText(`id: ${'x'.repeat(MAX_ID_BYTES + 1)}\ndata: a\n\n`);
    assert.deepEqual([over.tooLarge, over.limit, over.events.length], [true, 'id', 0]);
  });

  it('counts UTF-8 bytes, not characters: 1366 check marks (4098 bytes) fail, 1365 (4095 bytes) pass', () => {
    assert.equal(parseText(`id: ${'✓'.repeat(1366)}\n\n`).limit, 'id');
    const fits = parseText(`id: ${'✓'.repeat(1365)}\n\n`);
    assert.equal(fits.tooLarge, false);
    assert.equal(fits.lastEventId, '✓'.repeat(1365));
  });

  it('does not count an id line whose block never ends (the spec drops it)', () => {
    const parsed = parseText(`data: a\n\nid: ${'x'.repeat(MAX_ID_BYTES + 1)}\n`);
    assert.equal(parsed.tooLarge, false);
    assert.deepEqual(
      parsed.events.map((e) => e.data),
      ['a'],
    );
  });
});
