// Starts a benchmark's server in a child process (the mock server, mockProcess.ts, unless told another) and stops it again.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface MockChild {
  url: string;
  stop(): Promise<void>;
}

/** `script` (in this folder) prints its URL on its first line and stops when the IPC channel closes. */
export async function startMockChild(script = 'mockProcess.ts', args: string[] = []): Promise<MockChild> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (part: Buffer) => {
      output += part.toString();
      if (output.includes('\n')) resolve(output.trim());
    });
    child.once('exit', (code) => reject(new Error(`The ${script} process exited (${code}) before reporting its URL`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
