// Spawns the test bundle of the CLI and collects what it printed, for the command-line suites.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { CLI } from './cliBundle';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function start(args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
}

export async function finish(child: ChildProcessWithoutNullStreams): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

export const cli = (args: string[], env?: Record<string, string>): Promise<Run> => finish(start(args, env));

/** Resolves with everything printed on stdout once it includes `text`. */
export function waitForOutput(child: ChildProcessWithoutNullStreams, text: string): Promise<string> {
  return new Promise((resolve) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) {
        child.stdout.off('data', onData);
        resolve(seen);
      }
    };
    child.stdout.on('data', onData);
  });
}

/** The lines `connect` adds on stderr in every mode: header facts after open, a bunching warning, the timing line. */
export const DIAGNOSIS_LINE = /^(diagnosis: |warning: Events arrive in bursts|timing: )/;

/** stderr without those lines: what the other outputs (thinking, errors, the --text summary) wrote. */
export function withoutDiagnoses(stderr: string): string {
  return stderr
    .split(/(?<=\n)/)
    .filter((line) => !DIAGNOSIS_LINE.test(line))
    .join('');
}
