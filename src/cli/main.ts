// Command-line front end: `sse-inspector connect <url>` and `sse-inspector mock`.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseCommandLine, UsageError, type Command } from './args';
import { runConnect } from './connect';
import { runMock } from './mock';
import { CONNECT_USAGE, EXIT, GENERAL_USAGE, MOCK_USAGE } from './usage';

/** How long a signalled CLI waits for stdout's reader to take the last lines (the closed record) before exiting. */
const SIGNAL_GRACE_MS = 200;

/** The version in our package.json, the nearest one above this script that is ours. */
function version(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'sse-inspector' && manifest.version !== undefined) return manifest.version;
    } catch {
      // No readable package.json here; keep looking further up.
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

function run(command: Command): Promise<number> {
  switch (command.kind) {
    case 'connect':
      return runConnect(command);
    case 'mock':
      return runMock(command);
    case 'help':
      process.stdout.write({ general: GENERAL_USAGE, connect: CONNECT_USAGE, mock: MOCK_USAGE }[command.topic]);
      return Promise.resolve(EXIT.ok);
    case 'version':
      process.stdout.write(`${version()}\n`);
      return Promise.resolve(EXIT.ok);
  }
}

async function main(): Promise<number> {
  try {
    return await run(parseCommandLine(process.argv.slice(2), process.env));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`sse-inspector: ${error.message}\n`);
    return EXIT.usage;
  }
}

main().then(
  (code) => {
    // Exit once stdout has taken everything, even if a keep-alive socket would hold the process open.
    process.stdout.write('', () => process.exit(code));
    // After Ctrl-C or SIGTERM a reader that has stopped reading must not hold us: what it has not taken is dropped.
    if (code === EXIT.interrupted || code === EXIT.terminated) setTimeout(() => process.exit(code), SIGNAL_GRACE_MS);
  },
  (error: unknown) => {
    process.stderr.write(`sse-inspector: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(EXIT.failed);
  },
);
