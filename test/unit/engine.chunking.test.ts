// Parsing that no chunk boundary may change, and agreement with a plain reading of the spec on random streams.
import { strict as assert } from 'node:assert';
import { parseChunks, parseText, splitAt } from './support/parse';
import { referenceParse } from './support/referenceParser';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('engine: what a chunk boundary must not change', () => {
  const chunks = (texts: string[]) => parseChunks(texts.map((text) => Buffer.from(text, 'utf8')));
  const CASES: Array<{ texts: string[]; data: string[]; lastEventId: string }> = [
    { texts: ['data: a\n\ndata: x', 'id: 5', '\n\n'], data: ['a', 'xid: 5'], lastEventId: '' },
    { texts: ['data: a\n\ndata: x', 'id', '\n\n'], data: ['a', 'xid'], lastEventId: '' },
    { texts: ['data: x', 'i', 'd: 5\n\n'], data: ['xid: 5'], lastEventId: '' },
    // The same id line where it does start a line, as a control.
    { texts: ['data: a\n\n', 'id: 5', '\n\n'], data: ['a'], lastEventId: '5' },
    { texts: ['data: a\n\ni', 'd: 5', '\n\n'], data: ['a'], lastEventId: '5' },
  ];

  it('keeps a character cut by a chunk boundary in place when an empty chunk and an ASCII chunk follow', () => {
    const parsed = parseChunks([bytes('data: a'), new Uint8Array([0xc3]), new Uint8Array(0), bytes('b\n\ndata: c\n\n')]);
    assert.deepEqual(parsed.events, [
      { type: 'message', data: 'a\uFFFDb', lastEventId: '', size: 5 },
      { type: 'message', data: 'c', lastEventId: '', size: 1 },
    ]);
  });

  it('takes "id" for an id line only where a line starts, whichever chunk it ends up in', () => {
    for (const { texts, data, lastEventId } of CASES) {
      const parsed = chunks(texts);
      assert.deepEqual(
        parsed.events.map((event) => event.data),
        data,
        JSON.stringify(texts),
      );
      assert.equal(parsed.lastEventId, lastEventId, JSON.stringify(texts));
    }
  });
});

/** A small seeded PRNG (mulberry32), so the fuzz cases are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('engine: parsing agrees with a plain reading of the spec', () => {
  const LINES = [
    'data: x',
    'data:ü✓',
    'data',
    'data:  y',
    'data: {"id": 1}',
    'id: 7',
    'id: ünï',
    'id',
    'id:',
    'id: a\0b',
    'event: e',
    'event:',
    ': c',
    ':',
    'retry: 12',
    'retry: 1x',
    'idx: 1',
    'iddata: 2',
    'i',
    '',
    '',
    '',
  ];
  const ENDS = ['\n', '\r', '\r\n'];

  /** Parses `count` random streams made of `lines` and `ends`, each cut at 3 random places, and compares with the reference. */
  function agreesOnRandomStreams(seed: number, count: number, maxLines: number, lines: string[], ends: string[]): void {
    const random = seeded(seed);
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
    for (let n = 0; n < count; n++) {
      let stream = random() < 0.2 ? '\uFEFF' : '';
      const length = 1 + Math.floor(random() * maxLines);
      for (let i = 0; i < length; i++) stream += pick(lines) + pick(ends);
      if (random() < 0.3) stream += pick(lines);
      const expected = referenceParse(stream, 'start');
      const whole = Buffer.from(stream, 'utf8');
      const cuts = [0, 1, 2].map(() => Math.floor(random() * (whole.length + 1))).sort((x, y) => x - y);
      const parsed = parseChunks(splitAt(whole, ...cuts), undefined, 'start');
      const label = `stream ${JSON.stringify(stream)} cut at ${cuts.join(',')}`;
      assert.deepEqual(
        parsed.events.map(({ size: _size, ...event }) => event),
        expected.events,
        label,
      );
      assert.deepEqual(parsed.comments, expected.comments, label);
      assert.deepEqual(parsed.retries, expected.retries, label);
      assert.equal(parsed.lastEventId, expected.lastEventId, label);
    }
  }

  it('on 400 random streams (ids, id-only blocks, CR/LF/CRLF, BOM, unterminated tails), each cut at 3 random places', () => {
    agreesOnRandomStreams(20240601, 400, 14, LINES, ENDS);
  });

  it('on 400 random LF-only streams (id lines with data right after them, and id-only blocks), each cut at 3 random places', () => {
    const pairs = ['id: 3\ndata: p', 'id\ndata', 'id:\ndata: q', 'id: 4\ndata', 'id: 5\ndatas: r', 'id: 6\ndata: {"id": 2}'];
    const idOnlyBlocks = ['id\n', 'id:\n', 'id: 8\n', 'data: s\nid\n'];
    agreesOnRandomStreams(20261123, 400, 30, [...LINES, ...pairs, ...pairs, ...idOnlyBlocks], ['\n']);
  });

  it('finds id lines wherever they sit in a block: after data, after event, before a NUL id', () => {
    const stream = 'data: x\nid: 5\n\nid: 6\nevent: t\ndata: y\n\nid: 8\n\nid: a\0b\ndata: z\n\n';
    const parsed = parseText(stream);
    assert.deepEqual(
      parsed.events.map(({ size: _size, ...event }) => event),
      referenceParse(stream).events,
    );
    assert.deepEqual(
      parsed.events.map((e) => e.lastEventId),
      ['5', '6', '8'],
    );
  });
});
