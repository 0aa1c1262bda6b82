// Bundles code that runs in the extension host (the test suites, bench and screenshot drivers) as CommonJS with `vscode` left external.
import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from '../../scripts/vscodeServer';

/**
 * Builds the tests of `sourceDirs` (under test/integration/) with the mocha entry into out/integration/<name>/ and
 * returns the entry's absolute path (the extensionTestsPath). Files run in name order across the folders.
 */
export async function buildSuite(name: string, sourceDirs: string[]): Promise<string> {
  const outDir = join(repoRoot, 'out', 'integration', name);
  rmSync(outDir, { recursive: true, force: true });
  const tests = sourceDirs.flatMap((dir) => {
    const sourceDir = join(repoRoot, 'test', 'integration', dir);
    return (
      readdirSync(sourceDir)
        .filter((file) => file.endsWith('.test.ts'))
        // For working on one suite locally; the full run (npm test, CI) never sets it.
        .filter((file) => !process.env.SSE_INTEGRATION_ONLY || file.includes(process.env.SSE_INTEGRATION_ONLY))
        .map((file) => join(sourceDir, file))
    );
  });
  if (tests.length === 0) throw new Error(`no *.test.ts files in test/integration/{${sourceDirs.join(',')}}`);
  await bundleForExtensionHost(
    [
      { in: join(repoRoot, 'test', 'integration', 'index.ts'), out: 'index' },
      ...tests.map((file) => ({ in: file, out: basename(file, '.ts') })),
    ],
    outDir,
  );
  return join(outDir, 'index.js');
}

/** Bundles entry points (`out` names without extension) into `outDir`. */
export async function bundleForExtensionHost(entryPoints: { in: string; out: string }[], outDir: string): Promise<void> {
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // Mocha's parallel mode resolves worker files at run time; the suites run serially, so those paths are never used.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
}
