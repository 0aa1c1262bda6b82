import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCli } from './support/cliBundle';
import { cli, finish, start, waitForOutput } from './support/cliRun';
import { parseCommandLine, UsageError } from '../../src/cli/args';
import { loadScenarioFiles } from '../../src/mock/scenario/load';
import { RESERVED_PATHS } from '../../src/mock/mockServer';

describe('CLI: mock --scenario', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sse-scenario-'));
  before(async () => {
    await buildCli();
  });

  it('serves each scenario file at its own path (from "path" or the file name) and lists them on GET /', async () => {
    const named = path.join(dir, 'hello.sse.json');
    writeFileSync(named, JSON.stringify({ attempts: [{ steps: [{ id: '1', data: 'hi' }] }] }));
    const pathed = path.join(dir, 'other.sse.json');
    writeFileSync(pathed, JSON.stringify({ path: '/x/y', attempts: [{ status: 204 }] }));
    const child = start(['mock', '--scenario', named, '--scenario', pathed]);
    const result = finish(child);
    const banner = await waitForOutput(child, 'Press Ctrl-C to stop.');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    assert.ok(url && banner.includes(`${url}/hello`) && banner.includes(`${url}/x/y`), banner);
    assert.equal(await (await fetch(`${url}/hello`)).text(), 'id: 1\ndata: hi\n\n');
    assert.equal((await fetch(`${url}/x/y`)).status, 204);
    const index = (await (await fetch(`${url}/`)).json()) as { streams: Array<{ path: string }> };
    assert.ok(index.streams.some((s) => s.path === '/hello'));
    child.kill('SIGINT');
    assert.equal((await result).code, 0);
  });

  it('exits 1 on an invalid scenario, naming the file and the JSON pointer', async () => {
    const bad = path.join(dir, 'bad.sse.json');
    writeFileSync(bad, JSON.stringify({ attempts: [{ steps: [{ wait: 'soon' }] }] }));
    const run = await cli(['mock', '--scenario', bad]);
    assert.equal(run.code, 1);
    assert.ok(run.stderr.includes(`${bad}: at /attempts/0/steps/0/wait (JSON pointer)`), run.stderr);
  });

  it('exits 1 on a missing file, naming it', async () => {
    const run = await cli(['mock', '--scenario', path.join(dir, 'none.sse.json')]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /none\.sse\.json: cannot read it \(ENOENT\)/);
  });

  it('parses --scenario (repeatable), --replay and --speed (default 1, 0 = as fast as possible), and refuses a bad speed', () => {
    assert.deepEqual(parseCommandLine(['mock', '--scenario', 'a.sse.json', '--scenario', 'b.sse.json'], {}), {
      kind: 'mock',
      port: 0,
      intervalMs: undefined,
      scenarios: ['a.sse.json', 'b.sse.json'],
    });
    assert.deepEqual(parseCommandLine(['mock', '--replay', 'r.ndjson'], {}), {
      kind: 'mock',
      port: 0,
      intervalMs: undefined,
      replay: { file: 'r.ndjson', speed: 1 },
    });
    assert.deepEqual(
      parseCommandLine(['mock', '--replay', 'r.ndjson', '--speed', '0'], {}).kind === 'mock' &&
        parseCommandLine(['mock', '--replay', 'r', '--speed', '0.5'], {}),
      {
        kind: 'mock',
        port: 0,
        intervalMs: undefined,
        replay: { file: 'r', speed: 0.5 },
      },
    );
    for (const args of [
      ['--replay', 'r', '--speed', '-1'],
      ['--replay', 'r', '--speed', 'fast'],
      ['--speed', '2'],
    ]) {
      assert.throws(() => parseCommandLine(['mock', ...args], {}), UsageError, args.join(' '));
    }
  });

  it("loads a workspace's files keeping the good ones; a bad file or a taken path is left out with its reason", async () => {
    const good = path.join(dir, 'good.sse.json');
    const twin = path.join(dir, 'twin.sse.json');
    const reserved = path.join(dir, 'reserved.sse.json');
    const broken = path.join(dir, 'broken.sse.json');
    writeFileSync(good, JSON.stringify({ path: '/same', attempts: [{}] }));
    writeFileSync(twin, JSON.stringify({ path: '/same', attempts: [{}] }));
    writeFileSync(reserved, JSON.stringify({ path: '/sse', attempts: [{}] }));
    writeFileSync(broken, '{"attempts": [');
    const { served, problems } = await loadScenarioFiles([good, twin, reserved, broken], RESERVED_PATHS);
    assert.deepEqual(
      served.map((s) => [s.source, s.path]),
      [[good, '/same']],
    );
    assert.equal(problems.length, 3);
    assert.ok(problems[0]!.startsWith(`${twin}: path /same is already served`), problems[0]);
    assert.ok(problems[1]!.startsWith(`${reserved}: path /sse is already served`), problems[1]);
    assert.ok(problems[2]!.startsWith(`${broken}: `) && problems[2]!.includes('not valid JSON'), problems[2]);
  });
});
