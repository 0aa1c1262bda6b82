// Bundles the CLI as dist/cli.js is built, but apart from dist/, for tests that spawn it as a user would.

import path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '../../..');
/** Built apart from dist/ so that the suites neither depend on nor disturb the other bundles. */
export const CLI = path.join(ROOT, 'node_modules/.cache/sse-inspector-cli-test/cli.js');

let built: Promise<string> | undefined;

/** Builds the bundle once per test run; resolves with its path. */
export function buildCli(): Promise<string> {
  built ??= esbuild
    .build({
      entryPoints: [path.join(ROOT, 'src/cli/main.ts')],
      outfile: CLI,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      banner: { js: '#!/usr/bin/env node' },
      logLevel: 'warning',
    })
    .then(() => CLI);
  return built;
}
