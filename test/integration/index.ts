// Mocha entry the extension host calls (extensionTestsPath): runs the *.test.js files beside it and logs one machine-readable result line.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** The line the launchers parse; keep its shape in step with test/integration/workbench.ts. */
function resultLine(passed: number, failed: number): string {
  return `INTEGRATION RESULT passed=${passed} failed=${failed}`;
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of files) mocha.addFile(join(__dirname, name));
  const counts = await new Promise<{ passed: number; failed: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
  });
  console.log(resultLine(counts.passed, counts.failed));
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed`);
  if (counts.passed === 0) throw new Error(`no integration tests ran (files: ${files.join(', ') || 'none'})`);
}
