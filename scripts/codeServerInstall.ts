// Installs the pinned VS Code server build (code-server, from the npm registry) into .vscode-test/, once.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';

/** code-server 4.100.3 is VS Code 1.100.3, the newest build that still runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';

/** Under the repository's .vscode-test/, which git ignores. */
const installRoot = join(resolve(__dirname, '..'), '.vscode-test', 'code-server');
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
