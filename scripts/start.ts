// `npm start`: builds, starts the mock server and VS Code (the code-server build) with the extension loaded, for trying it as a user.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockServer } from '../src/mock/mockServer';
import { buildExtension, repoRoot, startCodeServer, type RunningCodeServer } from './vscodeServer';

interface Manifest {
  publisher: string;
  name: string;
  version: string;
}

/** An extensions folder holding a link to this checkout, so the plain workbench URL loads the extension as installed. */
function linkedExtensionsDir(scratch: string): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
  const dir = join(scratch, 'extensions');
  mkdirSync(dir);
  symlinkSync(repoRoot, join(dir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
  return dir;
}

async function main(): Promise<void> {
  await buildExtension();
  const scratch = mkdtempSync(join(tmpdir(), 'sse-inspector-start-'));
  const workspace = join(scratch, 'workspace');
  mkdirSync(workspace);
  let mock: MockServer | undefined;
  let server: RunningCodeServer | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await Promise.allSettled([server?.stop(), mock?.stop()]);
      rmSync(scratch, { recursive: true, force: true });
    })();
    return stopping;
  };
  const onSignal = (): void => {
    console.log('\nstopping…');
    void stop().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    mock = await MockServer.start();
    const streamUrl = `${mock.url}/sse`;
    writeFileSync(
      join(workspace, 'README.md'),
      `# SSE Inspector playground\n\nRun **SSE: Connect to Stream** (F1) and connect to ${streamUrl}\n`,
    );
    server = await startCodeServer({
      folder: workspace,
      extensionsDir: linkedExtensionsDir(scratch),
      // The playground's README, with the URL to connect to, is the first thing the user sees.
      // This process's mock server is not the extension's own: the setting makes the panel's URL field offer it.
      settings: { 'workbench.startupEditor': 'readme', 'sseInspector.suggestedUrls': [streamUrl] },
    });
    // Slashes stay readable in the query; everything else that could break the URL is escaped.
    console.log(`\nVS Code with SSE Inspector: ${server.url}/?folder=${encodeURIComponent(workspace).replace(/%2F/g, '/')}`);
    console.log(`Run 'SSE: Connect to Stream' and connect to ${streamUrl}`);
    console.log('(Ctrl-C stops VS Code and the mock server.)');
    void server.exited.then(() => {
      if (stopping) return;
      console.error('code-server exited on its own; stopping the mock server too.');
      process.exitCode = 1;
      void stop();
    });
  } catch (error) {
    await stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
