// `npm run test:electron`: the same extension-host suite in desktop VS Code, downloaded by @vscode/test-electron (needs internet).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildExtension, repoRoot } from '../../scripts/vscodeServer';
import { buildSuite } from './buildSuites';

async function main(): Promise<void> {
  await buildExtension();
  // Without the ui/ tests: those need the Playwright runner that only the code-server launcher has.
  const extensionTestsPath = await buildSuite('electron', ['suite']);
  const workspace = mkdtempSync(join(tmpdir(), 'sse-inspector-workspace-'));
  try {
    const exitCode = await runTests({
      // The oldest VS Code the manifest's engines.vscode accepts.
      version: '1.100.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
    process.exitCode = exitCode;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(
    `desktop VS Code tests could not run (this launcher downloads VS Code from Microsoft; use npm run test:integration offline): ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
});
