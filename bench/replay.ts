// Replay timing (issue 11): a timed stream recorded through the CLI, replayed from the mock at ×1 and ×10, each gap
// between events and comments compared with the recording's. Wall-clock figures belong here, not in the tests.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MockServer } from '../src/mock/mockServer';
import { buildCli } from '../test/unit/support/cliBundle';
import { gaps, record, records, replayOf, source } from '../test/unit/support/replayFixture';

const ROUNDS = 3;
const within = (replayed: number, recorded: number): boolean => Math.abs(replayed - recorded) <= Math.max(0.1 * recorded, 20);
const sum = (list: number[]): number => list.reduce((total, gap) => total + gap, 0);
const ms = (value: number): string => value.toFixed(1);

export async function run(): Promise<void> {
  await buildCli();
  const dir = mkdtempSync(path.join(tmpdir(), 'sse-replay-bench-'));
  try {
    console.log('| round | recorded gaps (ms) | ×1 gaps (ms) | ×1 within max(10%, 20 ms) | ×10 total / (×1 total / 10) |');
    console.log('|---|---|---|---|---:|');
    for (let round = 1; round <= ROUNDS; round++) {
      const origin = await MockServer.start({ scenarios: [{ path: '/source', scenario: source, source: 'bench' }] });
      const file = path.join(dir, `recording-${round}.ndjson`);
      try {
        writeFileSync(
          file,
          records(await record(`${origin.url}/source`))
            .map((r) => JSON.stringify(r))
            .join('\n'),
        );
      } finally {
        await origin.stop();
      }
      const recorded = gaps(records(readFileSync(file, 'utf8')));
      const once = gaps(await replayOf(file, 1));
      const fast = gaps(await replayOf(file, 10));
      const good = once.filter((gap, index) => within(gap, recorded[index])).length;
      console.log(
        `| ${round} | ${recorded.map(ms).join(', ')} | ${once.map(ms).join(', ')} | ${good} of ${recorded.length} | ${(sum(fast) / (sum(once) / 10)).toFixed(2)} |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
