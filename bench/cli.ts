// CLI benchmark: a 1,000,000-event burst from the mock server through `sse-inspector connect --json`, through its
// table, and through a ten-line script on the npm eventsource package, each a process writing to /dev/null.

import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startMockChild } from './support/mockChild';

const EVENTS = 1_000_000;
const ROUNDS = 5;
const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface Run {
  /** Wall-clock time from spawning the process to its exit (start-up included). */
  ms: number;
  /** CPU time of the process, user plus system. */
  cpuMs: number;
}

/** Runs `node args…` with stdout to /dev/null under bash, whose `times` reports the child's CPU time. */
function timed(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('bash', ['-c', '"$@" > /dev/null || exit 1; times', 'bash', process.execPath, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (part: Buffer) => (output += part.toString()));
    child.once('exit', (code) => {
      const ms = performance.now() - started;
      // `times` prints the shell's own times, then its children's: "0m1.234s 0m0.456s".
      const children = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(output.trim());
      if (code !== 0 || children === null) {
        reject(new Error(`${args.join(' ')} failed (exit ${code}): ${output}`));
        return;
      }
      const [, um, us, sm, ss] = children.map(Number);
      resolve({ ms, cpuMs: (um * 60 + us + sm * 60 + ss) * 1000 });
    });
  });
}

interface Client {
  name: string;
  args(url: string): string[];
}

const CLIENTS: Client[] = [
  {
    name: '(a) npm eventsource, ten-line script writing each data',
    args: (url) => [path.join(__dirname, 'support/eventsourceCat.mjs'), url],
  },
  { name: '(b) sse-inspector connect --json', args: (url) => [CLI, 'connect', url, '--json'] },
  { name: '(c) sse-inspector connect (table)', args: (url) => [CLI, 'connect', url] },
];

const median = (values: number[]): number => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const rate = (ms: number): string => `${(((EVENTS / ms) * 1000) / 1e3).toFixed(0)} k/s`;

export async function run(): Promise<void> {
  // The CLI as it ships: dist/ built by the project's own build script.
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
  const mock = await startMockChild();
  try {
    const url = `${mock.url}/sse?burst=${EVENTS}`;
    for (const client of CLIENTS) await timed(client.args(`${mock.url}/sse?burst=100000`));
    const runs: Run[][] = CLIENTS.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order so no client always runs first (or last) in a round.
      for (let k = 0; k < CLIENTS.length; k++) {
        const i = (round + k) % CLIENTS.length;
        runs[i].push(await timed(CLIENTS[i].args(url)));
      }
    }
    console.log(
      `${EVENTS.toLocaleString('en')}-event burst (\`/sse?burst=${EVENTS}\`) from the mock server in another process, output to /dev/null, ${ROUNDS} rounds`,
    );
    console.log('| client | events/s (median, wall clock incl. start-up) | min | max | events per CPU-second (median) |');
    console.log('|---|---:|---:|---:|---:|');
    CLIENTS.forEach((client, i) => {
      const wall = runs[i].map((r) => r.ms);
      console.log(
        `| ${client.name} | **${rate(median(wall))}** | ${rate(Math.max(...wall))} | ${rate(Math.min(...wall))} | ${rate(median(runs[i].map((r) => r.cpuMs)))} |`,
      );
    });
    // A ratio of rates; each round runs the clients back to back, so a round's own ratio suffers least from load.
    const ratio = (x: number, y: number): string => {
      const perRound = median(runs[x].map((r, round) => runs[y][round].ms / r.ms));
      const byCpu = median(runs[y].map((r) => r.cpuMs)) / median(runs[x].map((r) => r.cpuMs));
      return `${(median(runs[y].map((r) => r.ms)) / median(runs[x].map((r) => r.ms))).toFixed(2)} (per-round median ${perRound.toFixed(2)}, by CPU time ${byCpu.toFixed(2)})`;
    };
    console.log(`b/a = ${ratio(1, 0)}, target >= 2`);
    console.log(`c/b = ${ratio(2, 1)}, target >= 0.5`);
  } finally {
    await mock.stop();
  }
}
