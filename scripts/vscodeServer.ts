// Installs the pinned VS Code server build (code-server, from the npm registry) into .vscode-test/ and runs it on loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
  symlinkSync,
  copyFileSync,
  chmodSync,
  createWriteStream,
  readFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';

/** code-server 4.100.3 is VS Code 1.100.3, the newest build that still runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';

export const repoRoot = resolve(__dirname, '..');
const installRoot = join(repoRoot, '.vscode-test', 'code-server');
const markerFile = join(installRoot, `.installed-${CODE_SERVER_VERSION}`);
const installLog = join(installRoot, 'install.log');

/** The installed code-server package folder. */
export const codeServerDir = join(installRoot, 'node_modules', 'code-server');
const vscodeDir = join(codeServerDir, 'lib', 'vscode');

interface InstallStep {
  title: string;
  cwd: string;
  args: string[];
}

// Only the native modules the extension host and file watcher load; node-pty and kerberos are not needed to run extensions.
const installSteps: InstallStep[] = [
  {
    title: `npm install code-server@${CODE_SERVER_VERSION}`,
    cwd: installRoot,
    args: ['install', '--ignore-scripts', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`],
  },
  {
    title: 'npm install VS Code dependencies',
    cwd: vscodeDir,
    args: ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'],
  },
  {
    title: 'npm rebuild native modules (@parcel/watcher, @vscode/spdlog, native-watchdog, @vscode/deviceid)',
    cwd: vscodeDir,
    args: ['rebuild', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog', '@vscode/deviceid'],
  },
  { title: 'npm rebuild argon2', cwd: installRoot, args: ['rebuild', 'argon2'] },
  {
    title: 'npm install built-in extensions',
    cwd: join(vscodeDir, 'extensions'),
    args: ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'],
  },
];

/** Installs code-server on first use (about a minute) and returns its folder; later calls reuse it. */
export async function ensureCodeServer(log: (line: string) => void = console.log): Promise<string> {
  if (existsSync(markerFile)) return codeServerDir;
  const ripgrep = findRipgrep();
  rmSync(installRoot, { recursive: true, force: true });
  mkdirSync(installRoot, { recursive: true });
  // A package.json of its own keeps npm from climbing up to the extension's manifest.
  writeFileSync(join(installRoot, 'package.json'), JSON.stringify({ name: 'vscode-test-code-server', private: true }, null, 2));
  log(`[code-server] installing code-server@${CODE_SERVER_VERSION} into ${installRoot} (log: ${installLog})`);
  const started = Date.now();
  const total = installSteps.length + 1;
  for (const [index, step] of installSteps.entries()) {
    log(`[code-server] ${index + 1}/${total} ${step.title}`);
    await runNpm(step);
  }
  log(`[code-server] ${total}/${total} linking node_modules.asar and ripgrep (${ripgrep})`);
  // VS Code looks for its bundled modules (ripgrep, wasm) under node_modules.asar; the npm build ships them unpacked.
  symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));
  const rgTarget = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  mkdirSync(dirname(rgTarget), { recursive: true });
  rmSync(rgTarget, { force: true });
  copyFileSync(ripgrep, rgTarget);
  chmodSync(rgTarget, 0o755);
  writeFileSync(markerFile, new Date().toISOString() + '\n');
  log(`[code-server] installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return codeServerDir;
}

function findRipgrep(): string {
  const candidates = [process.env.RIPGREP_PATH, '/usr/bin/rg', '/usr/local/bin/rg'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(`ripgrep not found (tried ${candidates.join(', ')}); install the Debian package 'ripgrep' or set RIPGREP_PATH`);
  return found;
}

/** Environment for npm: node-gyp must use the local Node headers, since only the npm registry is reachable. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_yes: 'true', npm_config_update_notifier: 'false' };
  const nodePrefix = dirname(dirname(process.execPath));
  if (!env.npm_config_nodedir && existsSync(join(nodePrefix, 'include', 'node', 'node_version.h'))) {
    env.npm_config_nodedir = nodePrefix;
  }
  return env;
}

async function runNpm(step: InstallStep): Promise<void> {
  const logStream = createWriteStream(installLog, { flags: 'a' });
  logStream.write(`\n$ (cd ${step.cwd} && npm ${step.args.join(' ')})\n`);
  const child = spawn('npm', step.args, { cwd: step.cwd, env: npmEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(logStream, { end: false });
  child.stderr.pipe(logStream, { end: false });
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  await new Promise<void>((done) => logStream.end(done));
  if (code !== 0) {
    const tail = readFileSync(installLog, 'utf8').split('\n').slice(-25).join('\n');
    throw new Error(`code-server install failed at "${step.title}" (exit ${code ?? signal}); last lines of ${installLog}:\n${tail}`);
  }
}

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
