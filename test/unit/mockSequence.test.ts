import { strict as assert } from 'node:assert';
import { parseStreamQuery, type StreamOptions } from '../../src/mock/query';
import { END_BLOCK, firstMessage, streamSteps, type Step } from '../../src/mock/sequence';
import { streamHeaders } from '../../src/mock/headers';

const query = (search: string) => parseStreamQuery(new URLSearchParams(search), 1000);

function options(search: string): StreamOptions {
  const parsed = query(search);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.options;
}

const steps = (search: string, lastEventId?: string): Step[] => [...streamSteps(options(search), lastEventId)];
const body = (all: Step[]): string => all.map((step) => step.text).join('');

const documentMessage = (n: number): string => `data: {"message": "Hello SSE ${n}"}\n\n`;

describe('mock sequence (pure)', () => {
  it('defaults to the document: ten JSON messages one second apart, the first at once, then end a second later', () => {
    const all = steps('');
    assert.equal(all.length, 11);
    assert.deepEqual(
      all.map((step) => step.delayMs),
      [0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
    );
    for (let n = 1; n <= 10; n += 1) assert.equal(all[n - 1].text, documentMessage(n));
    assert.equal(all[10].text, END_BLOCK);
    assert.equal(END_BLOCK, 'event: end\ndata: {}\n\n');
  });

  it('sends retry before the first message, in the same write', () => {
    const all = steps('retry=2500&count=1&interval=5');
    assert.deepEqual(all, [
      { delayMs: 0, text: `retry: 2500\n\n${documentMessage(1)}` },
      { delayMs: 5, text: END_BLOCK },
    ]);
  });

  it('adds id lines and resumes after a numeric Last-Event-ID', () => {
    const all = steps('ids&count=4&interval=0', '2');
    assert.equal(body(all), `id: 3\n${documentMessage(3)}id: 4\n${documentMessage(4)}${END_BLOCK}`);
  });

  it('ignores a Last-Event-ID that is not one of its own numbers, or when ids are off', () => {
    assert.equal(firstMessage({ ids: true, count: 10 }, 'abc'), 1);
    assert.equal(firstMessage({ ids: false, count: 10 }, '5'), 1);
    assert.equal(firstMessage({ ids: true, count: 10 }, '99'), 11);
  });

  it('cuts after N messages with no end event', () => {
    const all = steps('drop=3&interval=7');
    assert.equal(all.length, 3);
    assert.equal(all[2].drop, true);
    assert.equal(body(all), documentMessage(1) + documentMessage(2) + documentMessage(3));
    assert.deepEqual(steps('drop=0&retry=1'), [{ delayMs: 0, text: 'retry: 1\n\n', drop: true }]);
  });

  it('writes a burst as large chunks of `data: N` events, then end', () => {
    const all = steps('burst=100000');
    assert.ok(all.length > 1 && all.length < 100, `expected a few chunks, got ${all.length}`);
    assert.ok(all.every((step) => step.delayMs === 0));
    const text = body(all);
    assert.ok(text.startsWith('data: 1\n\ndata: 2\n\n'));
    assert.ok(text.endsWith(`data: 100000\n\n${END_BLOCK}`));
    assert.equal(text.split('\n\n').length - 1, 100001);
  });

  it('count=0 sends only the end event, at once', () => {
    assert.deepEqual(steps('count=0'), [{ delayMs: 0, text: END_BLOCK }]);
  });
});

describe('mock query options', () => {
  it('rejects bad values and names the parameter', () => {
    const cases: Array<[string, RegExp]> = [
      ['interval=abc', /^interval must be a whole number/],
      ['count=-1', /^count must be a whole number/],
      ['retry=1.5', /^retry must be a whole number/],
      ['drop=', /^drop must be a whole number/],
      ['burst=1e3', /^burst must be a whole number/],
      ['interval=99999999999', /^interval must be a whole number/],
      ['cors=maybe', /^cors must be one of reflect, star, none, got "maybe"/],
      ['variant=iis', /^variant must be one of ashx, core, got "iis"/],
      ['ids=yes', /^ids must be/],
      ['colour=red', /^unknown query parameter "colour"/],
      ['count=1&count=2', /^query parameter "count" is given more than once/],
      ['burst=10&count=2', /^count cannot be combined with burst/],
      ['burst=10&interval=2', /^interval cannot be combined with burst/],
    ];
    for (const [search, expected] of cases) {
      const parsed = query(search);
      assert.equal(parsed.ok, false, search);
      if (!parsed.ok) assert.match(parsed.error, expected, search);
    }
  });

  it('accepts every documented option together', () => {
    assert.deepEqual(options('interval=20&count=3&ids=1&retry=100&drop=2&cors=star&variant=core'), {
      intervalMs: 20,
      count: 3,
      burst: false,
      ids: true,
      retryMs: 100,
      dropAfter: 2,
      cors: 'star',
      variant: 'core',
    });
  });
});

describe('mock headers', () => {
  it('reflects the Origin with credentials, and always varies on Origin', () => {
    assert.deepEqual(streamHeaders('default', 'reflect', 'http://app.test'), [
      ['Content-Type', 'text/event-stream'],
      ['Cache-Control', 'no-cache'],
      ['Access-Control-Allow-Origin', 'http://app.test'],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Vary', 'Origin'],
    ]);
    assert.deepEqual(streamHeaders('default', 'reflect', undefined).slice(2), [['Vary', 'Origin']]);
  });
});
