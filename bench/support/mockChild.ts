// Starts the mock server in a child process (see mockProcess.ts) and stops it again.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface MockChild {
  url: string;
  stop(): Promise<void>;
}

export async function startMockChild(): Promise<MockChild> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'mockProcess.ts')], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (part: Buffer) => {
      output += part.toString();
      if (output.includes('\n')) resolve(output.trim());
    });
    child.once('exit', (code) => reject(new Error(`The mock server process exited (${code}) before reporting its URL`)));
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
