// Runs the VS Code server build (code-server) on loopback for the host tests, the bench and `npm start`, and builds what it loads.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { ensureCodeServer } from './codeServerInstall';

export const repoRoot = resolve(__dirname, '..');

/** Runs a command with the terminal attached and rejects with a clear message when it fails. */
export async function runCommand(command: string, args: string[], cwd = repoRoot): Promise<void> {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new Error(`"${command} ${args.join(' ')}" failed (exit ${code ?? signal})`);
}

/** Builds the extension, webview and CLI bundles into dist/ (development build, with source maps). */
export function buildExtension(): Promise<void> {
  return runCommand(process.execPath, ['esbuild.mjs']);
}

/** Installs a .vsix into an extensions folder with code-server's own CLI, as a user's `code --install-extension` would. */
export async function installVsix(vsix: string, extensionsDir: string): Promise<void> {
  const dir = await ensureCodeServer();
  const scratch = mkdtempSync(join(tmpdir(), 'sse-inspector-install-'));
  try {
    await runCommand(process.execPath, [
      join(dir, 'out', 'node', 'entry.js'),
      '--user-data-dir',
      join(scratch, 'user-data'),
      '--config',
      join(scratch, 'config.yaml'),
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      vsix,
    ]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export interface CodeServerOptions {
  /** The workspace folder the workbench opens. */
  folder: string;
  /** Extensions folder; a fresh temporary one when omitted. */
  extensionsDir?: string;
  /**
   * User settings. Left out, no settings file is written: its presence alone makes VS Code activate the JSON and
   * TypeScript language extensions, about 20 MiB more in the extension host the tests and the bench run in.
   */
  settings?: Record<string, unknown>;
  /** Extra environment for the server and the extension host it starts. */
  env?: NodeJS.ProcessEnv;
  /** Receives every line code-server prints. */
  onOutput?: (line: string) => void;
}

export interface RunningCodeServer {
  /** e.g. "http://127.0.0.1:43123" (no trailing slash). */
  url: string;
  port: number;
  extensionsDir: string;
  /** Settles when the server process exits, for whatever reason. */
  exited: Promise<void>;
  /** Kills the whole process group and removes the temporary folders; safe to call twice. */
  stop(): Promise<void>;
}

/** Starts code-server on a free loopback port and resolves once it answers HTTP. */
export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const dir = await ensureCodeServer();
  const scratch = mkdtempSync(join(tmpdir(), 'sse-inspector-code-server-'));
  const userDataDir = join(scratch, 'user-data');
  if (options.settings) {
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(options.settings, null, 2));
  }
  const extensionsDir = options.extensionsDir ?? join(scratch, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  // VS Code and its git extension put IPC sockets in the temp folder and leave them when killed; keep them in ours.
  const serverTmp = join(scratch, 'tmp');
  mkdirSync(serverTmp);
  // Port 0 lets the kernel choose, so two runs never race for the same port; code-server prints the one it got.
  // An empty gallery keeps the workbench from querying the marketplace, which is unreachable here and irrelevant to tests.
  const child = spawn(
    process.execPath,
    [
      join(dir, 'out', 'node', 'entry.js'),
      '--auth',
      'none',
      '--bind-addr',
      '127.0.0.1:0',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--config',
      join(scratch, 'config.yaml'),
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      options.folder,
    ],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env, EXTENSIONS_GALLERY: '{}', TMPDIR: serverTmp },
    },
  );

  const exited = once(child, 'exit').then(() => undefined);
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await killGroup(child);
    rmSync(scratch, { recursive: true, force: true });
  };

  try {
    const port = await waitForListening(child, options.onOutput);
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(url);
    return { url, port, extensionsDir, exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Reads code-server's output until it reports its listening address. */
function waitForListening(child: ChildProcess, onOutput?: (line: string) => void): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let settled = false;
    let lastLines: string[] = [];
    const timer = setTimeout(
      () => finish(new Error(`code-server did not report a listening address within 60 s:\n${lastLines.join('\n')}`)),
      60_000,
    );
    const finish = (result: number | Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (typeof result === 'number') resolvePort(result);
      else reject(result);
    };
    const onLine = (line: string): void => {
      lastLines = [...lastLines.slice(-20), line];
      onOutput?.(line);
      const match = /HTTP server listening on https?:\/\/127\.0\.0\.1:(\d+)/.exec(line);
      if (match) finish(Number(match[1]));
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.forEach(onLine);
      });
    }
    child.once('exit', (code, signal) =>
      finish(new Error(`code-server exited before listening (${code ?? signal}):\n${lastLines.join('\n')}`)),
    );
    child.once('error', (error) => finish(error));
  });
}

async function waitForHttp(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`code-server at ${url} did not answer within 30 s: ${String(error)}`);
    }
    if (Date.now() > deadline) throw new Error(`code-server at ${url} did not answer /healthz with 200 within 30 s`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** SIGTERM to the whole group (the server forks the extension host and file watcher), SIGKILL if it lingers. */
async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    signalGroup(child.pid, 'SIGKILL');
    return;
  }
  const exited = once(child, 'exit');
  signalGroup(child.pid, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((done) => {
    timer = setTimeout(() => done('late'), 5_000);
  });
  const result = await Promise.race([exited, late]);
  clearTimeout(timer);
  // The leader can exit before its children; sweep the group either way.
  signalGroup(child.pid, 'SIGKILL');
  if (result === 'late') await exited;
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
