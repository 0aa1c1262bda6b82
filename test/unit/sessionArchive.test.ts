// A panel's session kept on disk for a window reload: bounded, without credential values, read back as untrusted.
import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SessionArchive, loadSession } from '../../src/session/sessionArchive';
import type { PanelSession } from '../../src/session/panelSession';
import type { SseRecord } from '../../src/shared/record';
import { FakeWebview, fakeServices, request, openSession } from './support/fakeWebview';
import { RawServer, openStream } from './support/rawServer';

const quiet = { warn: (text: string) => assert.fail(`unexpected warning: ${text}`) };

function event(seq: number, data: string): SseRecord {
  return { kind: 'event', seq, t: seq, at: 0, type: 'message', data, id: null, lastEventId: '', size: data.length, dt: 0 };
}

/** What a window reload does with the file: reads it back into a new panel session, whose webview says ready. */
async function reopened(
  file: string,
  url: string,
  services: ReturnType<typeof fakeServices>,
): Promise<{ after: FakeWebview; restored: PanelSession }> {
  const loaded = await loadSession(file);
  assert.ok(loaded, 'the file read back');
  const after = new FakeWebview();
  const restored = openSession('panel-b', after, request(url), services);
  restored.restoreKept(loaded);
  restored.receive({ type: 'ready' });
  return { after, restored };
}

describe('session archive (kept for a window reload)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sse-archive-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps the records as export lines, without credential headers or values, and reads them back', async () => {
    const file = path.join(dir, 'a.ndjson');
    const archive = new SessionArchive('k', file, quiet);
    archive.startSession('http://127.0.0.1/sse?token=abcdef123&q=s3cr3t-token', ['Bearer s3cr3t-token', 's3cr3t-token'], 5);
    const open: SseRecord = {
      kind: 'open',
      seq: 1,
      t: 0,
      at: 0,
      connection: 1,
      status: 200,
      url: 'http://127.0.0.1/sse?token=abcdef123',
      headers: { 'content-type': 'text/event-stream', 'set-cookie': 'sid=s3cr3tvalue' },
      ttfbMs: 1,
    };
    archive.append(open, ['Bearer s3cr3t-token', 's3cr3t-token']);
    archive.append(event(2, 'echo: s3cr3t-token'), ['Bearer s3cr3t-token', 's3cr3t-token']);
    archive.append(
      {
        kind: 'error',
        seq: 3,
        t: 1,
        at: 0,
        message: 'The server answered 401',
        status: 401,
        headers: { 'set-cookie': 'sid=s3cr3tcookie' },
        willReconnect: false,
      },
      [],
    );
    archive.closeKeeping();
    const text = await readFile(file, 'utf8');
    assert.ok(!text.includes('s3cr3t'), `a credential value reached the disk: ${text}`);
    assert.ok(!text.includes('abcdef123'), 'a credential query value reached the disk');
    assert.match(text, /^\{"session":\{"url":"http:\/\/127\.0\.0\.1\/sse\?/, 'the session starts with its URL, masked');
    const loaded = await loadSession(file);
    assert.ok(loaded);
    assert.deepEqual(
      loaded.records.map((record) => record.kind),
      ['open', 'event', 'error'],
    );
    assert.equal(loaded.notKept, 0);
  });

  it('stops at its byte cap and counts the records it did not keep', async () => {
    const file = path.join(dir, 'b.ndjson');
    const archive = new SessionArchive('k', file, quiet, 400);
    archive.startSession('http://127.0.0.1/sse', [], 5);
    for (let seq = 1; seq <= 20; seq++) archive.append(event(seq, 'x'.repeat(50)), []);
    archive.closeKeeping();
    const loaded = await loadSession(file, 400);
    assert.ok(loaded);
    assert.ok((await readFile(file)).length <= 400);
    assert.equal(loaded.records.length + archive.recordsNotKept, 20);
    assert.ok(archive.recordsNotKept > 0);
  });

  it('keeps earlier sessions before the live one, each with its URL; Clear empties only the live one; a user-closed panel removes its file', async () => {
    const file = path.join(dir, 'c.ndjson');
    const first = new SessionArchive('k', file, quiet);
    first.startSession('http://127.0.0.1/one', [], 5);
    first.append(event(1, 'old'), []);
    first.startSession('http://127.0.0.1/two', [], 5);
    first.append(event(1, 'cleared'), []);
    first.clearLive();
    first.append(event(1, 'new'), []);
    first.closeKeeping();
    first.discard();
    const loaded = await loadSession(file);
    assert.deepEqual(
      loaded?.earlier.map((session) => [session.url, session.records.map((record) => (record.kind === 'event' ? record.data : ''))]),
      [['http://127.0.0.1/one', ['old']]],
    );
    assert.equal(loaded?.url, 'http://127.0.0.1/two');
    assert.deepEqual(
      loaded?.records.map((record) => (record.kind === 'event' ? record.data : '')),
      ['new'],
    );
    const second = new SessionArchive('k', file, quiet);
    second.discard();
    assert.equal(existsSync(file), false);
  });

  it('lets the oldest sessions go beyond the kept count, or when the earlier ones fill half the cap, and goes on after a reload', async () => {
    const file = path.join(dir, 'g.ndjson');
    const archive = new SessionArchive('k', file, quiet, 2_000);
    for (let session = 1; session <= 4; session++) {
      archive.startSession(`http://127.0.0.1/${session}`, [], 3);
      archive.append(event(1, `s${session}`), []);
    }
    archive.closeKeeping();
    const loaded = await loadSession(file, 2_000);
    assert.ok(loaded);
    assert.deepEqual(
      [...loaded.earlier.map((session) => session.url), loaded.url],
      ['http://127.0.0.1/2', 'http://127.0.0.1/3', 'http://127.0.0.1/4'],
      'three sessions kept, the live one included',
    );

    const resumed = new SessionArchive('k', file, quiet, 2_000);
    resumed.resume(loaded);
    resumed.startSession('http://127.0.0.1/big', [], 10);
    for (let seq = 1; seq <= 4; seq++) resumed.append(event(seq, 'x'.repeat(100)), []);
    resumed.startSession('http://127.0.0.1/after', [], 10);
    resumed.closeKeeping();
    const after = await loadSession(file, 2_000);
    assert.ok(after);
    const urls = [...after.earlier.map((session) => session.url), after.url];
    assert.deepEqual(urls.slice(-2), ['http://127.0.0.1/big', 'http://127.0.0.1/after']);
    assert.ok(!urls.includes('http://127.0.0.1/2'), `the oldest went once the earlier sessions filled half the cap: ${urls.join(' ')}`);
    assert.ok(urls.length < 5, 'not only the oldest');
    assert.equal(after.earlier.at(-1)?.records.length, 4);
    assert.equal(after.notKept, 0);
  });

  it('reads a damaged file as untrusted: lines that are not records are skipped and counted, an oversized file is refused', async () => {
    const file = path.join(dir, 'd.ndjson');
    const wrongTypes = [
      '{"kind":"event","seq":2,"t":0,"at":0}',
      '{"kind":"open","seq":3,"t":0,"at":0,"connection":1,"status":200,"url":"u","headers":null,"ttfbMs":1}',
      `${JSON.stringify({ ...event(4, 'x'), id: 7 })}`,
    ];
    await writeFile(file, `${JSON.stringify(event(1, 'ok'))}\nnot json\n{"kind":"bogus","seq":2,"t":0}\nnull\n${wrongTypes.join('\n')}\n`);
    const loaded = await loadSession(file);
    assert.deepEqual([loaded?.records.length, loaded?.notKept], [1, 6], 'fields of the wrong type make a line not a record');
    await writeFile(file, 'x'.repeat(100));
    assert.equal(await loadSession(file, 10), undefined);
    assert.equal(await loadSession(path.join(dir, 'missing.ndjson')), undefined);
  });

  it('a panel session keeps what it receives, and a new session restored from it shows the same rows with a note', async () => {
    const server = await RawServer.start((_req, res, _seen, index) => {
      if (index > 0) return void res.writeHead(204).end();
      openStream(res);
      res.end('data: one\n\ndata: two\n\n');
    });
    const file = path.join(dir, 'e.ndjson');
    const before = new FakeWebview();
    const archive = new SessionArchive('k', file, quiet);
    const session = openSession('panel-a', before, request(server.url), fakeServices({ archive }));
    try {
      session.receive({ type: 'ready' });
      await session.connect(request(server.url));
      await before.until((view) => view.rows.at(-1)?.kind === 'closed');
      assert.equal(before.ofType('state')[0].state.sessionKey, 'k', 'the webview is told the key to save');
    } finally {
      archive.closeKeeping();
      session.dispose();
      await server.stop();
    }
    const { after, restored } = await reopened(file, server.url, fakeServices());
    await after.until((view) => view.ofType('notice').length === 1);
    assert.deepEqual(after.kinds(), before.kinds());
    assert.match(
      after.ofType('notice')[0].message,
      /These \d+ records were received before the window reloaded; the stream was not reconnected/,
    );
    assert.equal(after.ofType('state')[0].state.status, 'idle');
    restored.dispose();
  });

  it('brings every kept session of a panel back after a reload: the earlier ones in the picker, each with its own rows', async () => {
    const server = await RawServer.start((req, res) => {
      openStream(res);
      res.end(`data: ${req.url?.slice(1)} 1\n\ndata: ${req.url?.slice(1)} 2\n\n`);
    });
    const file = path.join(dir, 'h.ndjson');
    const before = new FakeWebview();
    const archive = new SessionArchive('k', file, quiet);
    const services = fakeServices({ archive, keptSessions: 5 });
    const session = openSession('panel-a', before, request(`${server.url}/first`), services);
    try {
      session.receive({ type: 'ready' });
      for (const path of ['first', 'second']) {
        await session.connect(request(`${server.url}/${path}`, { reconnect: 'never' }));
        await before.until((view) => view.rows.at(-1)?.kind === 'closed');
      }
    } finally {
      archive.closeKeeping();
      session.dispose();
      await server.stop();
    }
    const { after, restored } = await reopened(file, `${server.url}/second`, fakeServices({ keptSessions: 5 }));
    await after.until((view) => view.ofType('sessions').length > 0 && view.rows.at(-1)?.kind === 'closed');
    const list = after.ofType('sessions').at(-1)?.list;
    assert.deepEqual(
      list?.sessions.map((summary) => [summary.place, summary.events, summary.live]),
      [
        ['/first', 2, false],
        ['/second', 2, true],
      ],
    );
    assert.deepEqual(
      after.kinds().filter((kind) => kind.startsWith('event')),
      ['event:second 1', 'event:second 2'],
    );
    assert.match(after.ofType('notice')[0].message, /and 1 earlier session with them/);
    restored.receive({ type: 'showSession', session: list?.sessions[0].number ?? 0 });
    await after.until((view) => view.kinds().includes('event:first 2'));
    assert.deepEqual(
      after.kinds().filter((kind) => kind.startsWith('event')),
      ['event:first 1', 'event:first 2'],
    );
    restored.dispose();
  });

  it("writes a session's URL line with its first records, so a folder made meanwhile (a new profile) still gets it", async () => {
    const folder = path.join(dir, 'made-later');
    const file = path.join(folder, 'i.ndjson');
    const archive = new SessionArchive('k', file, quiet);
    archive.startSession('http://127.0.0.1/first', [], 5);
    await mkdir(folder);
    archive.append(event(1, 'one'), []);
    archive.closeKeeping();
    const loaded = await loadSession(file);
    assert.deepEqual([loaded?.url, loaded?.records.length, loaded?.earlier.length], ['http://127.0.0.1/first', 1, 0]);
  });

  it('lets a cleared live session go at the next connect, as the panel does, instead of the oldest kept one', async () => {
    const file = path.join(dir, 'j.ndjson');
    const archive = new SessionArchive('k', file, quiet);
    for (const name of ['A', 'B']) {
      archive.startSession(`http://127.0.0.1/${name}`, [], 2);
      archive.append(event(1, name), []);
    }
    archive.clearLive();
    archive.startSession('http://127.0.0.1/C', [], 2);
    archive.append(event(1, 'C'), []);
    archive.closeKeeping();
    const loaded = await loadSession(file);
    assert.deepEqual([...(loaded?.earlier.map((session) => session.url) ?? []), loaded?.url], ['http://127.0.0.1/A', 'http://127.0.0.1/C']);
  });

  it('stops keeping (with one warning) once a write fails, rather than cut a record in half later', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    await writeFile(blocker, '');
    const warnings: string[] = [];
    const archive = new SessionArchive('k', path.join(blocker, 'k.ndjson'), { warn: (text) => warnings.push(text) });
    archive.startSession('http://127.0.0.1/A', [], 5);
    archive.append(event(1, 'one'), []);
    archive.closeKeeping();
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /Could not keep the session for a reload: .*no longer kept/);
    const again = new SessionArchive('k', path.join(blocker, 'k.ndjson'), { warn: (text) => warnings.push(text) });
    again.startSession('http://127.0.0.1/A', [], 5);
    again.append(event(1, 'one'), []);
    again.clearLive();
    again.append(event(2, 'two'), []);
    again.startSession('http://127.0.0.1/B', [], 5);
    again.closeKeeping();
    assert.equal(warnings.length, 2, 'one warning per archive, then nothing more is tried');
  });

  it('reads records whose seq does not go up within a session as damage: skipped and counted', async () => {
    const file = path.join(dir, 'k.ndjson');
    const lines = [
      JSON.stringify({ session: { url: 'http://127.0.0.1/a' } }),
      ...[1, 2, 3, 1, 2, 4].map((seq) => JSON.stringify(event(seq, `e${seq}`))),
    ];
    await writeFile(file, `${lines.join('\n')}\n`);
    const loaded = await loadSession(file);
    assert.deepEqual(
      loaded?.records.map((record) => record.seq),
      [1, 2, 3, 4],
    );
    assert.equal(loaded?.notKept, 2);
  });

  it('drops a last line cut by a host that ended mid-write, and appends after the whole lines', async () => {
    const file = path.join(dir, 'f.ndjson');
    await writeFile(file, `${JSON.stringify(event(1, 'whole'))}\n{"kind":"event","seq":2,"t":`);
    const loaded = await loadSession(file);
    assert.ok(loaded);
    assert.deepEqual([loaded.records.length, loaded.notKept], [1, 1]);
    const archive = new SessionArchive('k', file, quiet);
    archive.resume(loaded);
    archive.append(event(3, 'after'), []);
    archive.closeKeeping();
    const again = await loadSession(file);
    assert.deepEqual(
      again?.records.map((record) => (record.kind === 'event' ? record.data : record.kind)),
      ['whole', 'after'],
    );
    assert.equal(again?.notKept, 0);
  });
});
