import { strict as assert } from 'node:assert';
import { MockServer } from '../../src/mock/mockServer';
import type { Scenario } from '../../src/mock/scenario/types';
import type { ClosedRecord, ErrorRecord, SseRecord } from '../../src/shared/record';
import { collect, eventSummary, kinds } from './support/records';

const scripted: Scenario = {
  path: '/scripted',
  attempts: [
    { status: 503, headers: { 'Content-Type': 'text/plain' } },
    {
      steps: [
        { retry: 5 },
        { id: '1', data: 'one' },
        { id: '2', data: 'two' },
        { id: '3', data: 'three' },
        { raw: 'id: 4\ndata: fo' },
        { drop: true },
      ],
    },
    {
      resume: true,
      steps: [
        { id: '3', data: 'three' },
        { id: '4', data: 'four' },
        { id: '5', data: 'five' },
      ],
    },
    { status: 204 },
  ],
};

const events = [{ data: 'héllo wörld ✓ 😀', id: 'a', type: 'greeting' }, { data: 'two\nlines' }, { data: '日本語', id: 'b' }];
const plain: Scenario = {
  attempts: [{ steps: [{ comment: 'c' }, ...events.map(({ type, ...e }) => ({ ...e, event: type })), { comment: 'end' }] }],
};
const tortured: Scenario = { ...plain, transport: { lineEnding: 'crlf', bom: true, chunkBytes: 1, trickleMs: 1 } };

async function withMock<T>(scenarios: Array<[string, Scenario]>, run: (server: MockServer) => Promise<T>): Promise<T> {
  const server = await MockServer.start({
    scenarios: scenarios.map(([path, scenario]) => ({ path, scenario, source: `${path}.sse.json` })),
  });
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

const opts = (url: string) => ({ url, closeOn: '', reconnect: { mode: 'always' as const, maxAttempts: 5 } });

describe('mock scenarios over loopback, read by the real engine', () => {
  it('scripted 503, then 200 with three events and a drop mid-event, a resume after Last-Event-ID, then 204', async () => {
    await withMock([['/scripted', scripted]], async (server) => {
      const first = await collect(opts(`${server.url}/scripted`));
      assert.deepEqual(kinds(first), ['error', 'closed']);
      assert.equal((first[0] as ErrorRecord).status, 503);

      const second: SseRecord[] = await collect(opts(`${server.url}/scripted`));
      assert.deepEqual(kinds(second), [
        'open',
        'retry',
        'event',
        'event',
        'event',
        'error',
        'reconnect',
        'open',
        'event',
        'event',
        'error',
        'reconnect',
        'closed',
      ]);
      assert.deepEqual(
        eventSummary(second).map(({ data, id }) => [data, id]),
        [
          ['one', '1'],
          ['two', '2'],
          ['three', '3'],
          ['four', '4'],
          ['five', '5'],
        ],
      );
      // The resume request carried the id of the last whole event; the cut "id: 4" block never counted.
      assert.equal(server.requests[2]!.headers['last-event-id'], '3');
      assert.equal((second.at(-1) as ClosedRecord).reason, 'no-content');
    });
  });

  it('a byte-at-a-time CRLF + BOM + split multibyte stream gives the same events as the plain LF one', async () => {
    await withMock(
      [
        ['/plain', plain],
        ['/tortured', tortured],
      ],
      async (server) => {
        const once = (path: string) => collect({ url: `${server.url}${path}`, closeOn: '', reconnect: { mode: 'never' } });
        const [lf, crlf] = [await once('/plain'), await once('/tortured')];
        assert.equal(eventSummary(lf).length, 3);
        assert.deepEqual(eventSummary(crlf), eventSummary(lf));
        assert.deepEqual(
          eventSummary(lf).map((e) => e.data),
          events.map((e) => e.data),
        );
      },
    );
  });

  it('serves gzip that the engine decodes to the same events', async () => {
    const zipped: Scenario = { ...plain, transport: { gzip: true } };
    await withMock(
      [
        ['/plain', plain],
        ['/zipped', zipped],
      ],
      async (server) => {
        const once = (path: string) => collect({ url: `${server.url}${path}`, closeOn: '', reconnect: { mode: 'never' } });
        assert.deepEqual(eventSummary(await once('/zipped')), eventSummary(await once('/plain')));
      },
    );
  });

  it('lists /sse, the built-ins and the given scenarios as JSON on GET /, and still 404s unknown paths', async () => {
    await withMock([['/plain', plain]], async (server) => {
      const index = (await (await fetch(`${server.url}/`)).json()) as { streams: Array<{ path: string; source: string }> };
      const paths = index.streams.map((s) => s.path);
      assert.equal(paths[0], '/sse');
      assert.ok(paths.includes('/scenario/flaky') && paths.includes('/scenario/torture') && paths.includes('/plain'), paths.join());
      assert.equal((await fetch(`${server.url}/nope`)).status, 404);
    });
  });

  it('refuses to start when two scenarios claim one path, naming the file', async () => {
    await assert.rejects(
      MockServer.start({ scenarios: [{ path: '/sse', scenario: plain, source: 'mine.sse.json' }] }),
      /mine\.sse\.json: path \/sse is already served/,
    );
  });
});
