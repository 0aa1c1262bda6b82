// `npm test`: every check in order (build, types, lint, unit, webview, VS Code host), stopping at the first that
// fails, then one summary of what ran, with each suite's counts and time.
import { spawn } from 'node:child_process';

interface Step {
  script: string;
  what: string;
}

const STEPS: Step[] = [
  { script: 'build', what: 'esbuild bundles' },
  { script: 'typecheck', what: 'TypeScript, strict' },
  { script: 'lint', what: 'ESLint and Prettier' },
  { script: 'test:unit', what: 'unit suite (plain Node, loopback servers)' },
  { script: 'test:webview', what: 'webview suite (headless Chromium)' },
  { script: 'test:integration', what: 'VS Code host suites (code-server)' },
];

/** Mocha's totals, and the VS Code launchers' one-line verdicts ("extension-host suite: PASS (passed=27 …)"). */
const MOCHA_COUNT = /^\s*(\d+) (passing|failing|pending)\b/;
const HOST_VERDICT = /^(.+ suite|\.vsix contents): (PASS|FAIL)\b.*$/;

interface Outcome {
  step: Step;
  code: number;
  seconds: number;
  counts: string[];
}

function run(step: Step): Promise<Outcome> {
  const started = Date.now();
  const counts: string[] = [];
  const child = spawn('npm', ['run', '--silent', step.script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let pending = '';
  const scan = (chunk: Buffer, out: NodeJS.WriteStream): void => {
    out.write(chunk);
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const mocha = MOCHA_COUNT.exec(line);
      if (mocha) counts.push(`${mocha[1]} ${mocha[2]}`);
      else if (HOST_VERDICT.test(line)) counts.push(line.trim());
    }
  };
  child.stdout.on('data', (chunk: Buffer) => scan(chunk, process.stdout));
  child.stderr.on('data', (chunk: Buffer) => scan(chunk, process.stderr));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      resolve({ step, code: code ?? (signal ? 1 : 0), seconds: Math.round((Date.now() - started) / 1000), counts });
    });
  });
}

async function main(): Promise<void> {
  const outcomes: Outcome[] = [];
  for (const step of STEPS) {
    console.log(`\n━━ npm run ${step.script}: ${step.what}`);
    const outcome = await run(step);
    outcomes.push(outcome);
    if (outcome.code !== 0) break;
  }
  const failed = outcomes.find((outcome) => outcome.code !== 0);
  console.log('\n━━ npm test summary');
  for (const { step, code, seconds, counts } of outcomes) {
    const detail = counts.length > 0 ? `: ${counts.join('; ')}` : '';
    console.log(`  ${code === 0 ? 'ok  ' : 'FAIL'} ${step.script} (${seconds} s)${detail}`);
  }
  for (const step of STEPS.slice(outcomes.length)) console.log(`  skip ${step.script} (not run: an earlier step failed)`);
  console.log(failed ? `npm test: FAILED at ${failed.step.script}` : 'npm test: all passed');
  process.exitCode = failed ? 1 : 0;
}

void main();
