// Packages the .vsix, checks what it holds, installs it into code-server and runs the smoke suite against the installed copy.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExtension, installVsix, repoRoot, runCommand } from '../../scripts/vscodeServer';
import { buildSuite } from './buildSuites';
import { listZipEntries } from './vsixContents';
import { runInFreshServer } from './hostRun';
import { answerUiStep } from './webviewUi';
import { summarize } from './workbench';

/**
 * The package is two minified bundles (extension and CLI), the webview and its codicon font: about 520 KB with the
 * raw view, timeline and stream lab. The budget catches what must never ship (sources, maps, node_modules: MBs).
 */
const MAX_VSIX_BYTES = 640 * 1024;
const SMOKE_TIME_LIMIT_MS = 3 * 60_000;

/** vsce's own bookkeeping entries plus what the extension is allowed to ship. */
const allowedEntry =
  /^(\[Content_Types\]\.xml|extension\.vsixmanifest|extension\/(package\.json|readme\.md|changelog\.md|LICENSE(\.txt)?|schemas\/scenario\.schema\.json|dist\/(extension\.js|webview\.js|webview\.css|cli\.js|[\w.-]+\.ttf)))$/;
const requiredEntries = [
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/dist/extension.js',
  'extension/dist/webview.js',
  'extension/dist/cli.js',
  // contributes.jsonValidation points at it: without it scenario files get no validation or completion.
  'extension/schemas/scenario.schema.json',
];

/** What is wrong with the package, or nothing. `distFiles` are the production build's outputs, all of which must ship. */
export function vsixProblems(entries: string[], sizeBytes: number, distFiles: string[]): string[] {
  const problems: string[] = [];
  if (sizeBytes >= MAX_VSIX_BYTES) problems.push(`the .vsix is ${sizeBytes} bytes, over the ${MAX_VSIX_BYTES}-byte budget`);
  for (const entry of entries) if (!allowedEntry.test(entry)) problems.push(`unexpected file in the .vsix: ${entry}`);
  if (!entries.some((entry) => /^extension\/LICENSE(\.txt)?$/.test(entry))) problems.push('missing from the .vsix: LICENSE');
  const shipped = new Set(entries);
  const needed = [...requiredEntries, ...distFiles.filter((file) => !file.endsWith('.map')).map((file) => `extension/dist/${file}`)];
  for (const entry of new Set(needed)) if (!shipped.has(entry)) problems.push(`missing from the .vsix: ${entry}`);
  return problems;
}

/**
 * VS Code runs an extensionTestsPath only in extension development mode, so the smoke run loads this empty
 * extension as the one under development; the real one is then found, like any user's, in the extensions folder.
 */
function writeHarnessExtension(dir: string): string {
  mkdirSync(dir);
  const manifest = { name: 'smoke-harness', publisher: 'sse-inspector-tests', version: '0.0.0', engines: { vscode: '^1.100.0' } };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

export async function runVsixSmoke(): Promise<boolean> {
  const scratch = mkdtempSync(join(tmpdir(), 'sse-inspector-vsix-'));
  const vsix = join(scratch, 'sse-inspector.vsix');
  const extensionsDir = join(scratch, 'extensions');
  try {
    console.log('packaging the .vsix (npm run package)');
    await runCommand('npm', ['run', 'package', '--', '--out', vsix]);
    const entries = listZipEntries(vsix);
    const size = statSync(vsix).size;
    console.log(`.vsix: ${size} bytes, ${entries.length} entries:\n  ${entries.join('\n  ')}`);
    const problems = vsixProblems(entries, size, readdirSync(join(repoRoot, 'dist')));
    // vscode:prepublish left a minified build in dist/; put the development build (with maps) back for the next run.
    await buildExtension();
    if (problems.length > 0) {
      console.log(`\n.vsix contents: FAIL\n  ${problems.join('\n  ')}\n`);
      return false;
    }
    console.log('.vsix contents: PASS');

    await installVsix(vsix, extensionsDir);
    const outcome = await runInFreshServer({
      extensionTestsPath: await buildSuite('smoke', ['smoke']),
      label: 'vsix smoke',
      timeoutMs: SMOKE_TIME_LIMIT_MS,
      extensionsDir,
      extensionDevelopmentPath: writeHarnessExtension(join(scratch, 'harness')),
      // The installed copy has no test API: the runner reads what its webview shows.
      answer: answerUiStep,
    });
    return summarize('installed .vsix smoke suite', outcome);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
