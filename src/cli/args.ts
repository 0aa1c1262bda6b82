// Turns the command line into a checked command, or a UsageError with a one-line reason.
import { parseArgs } from 'node:util';
import { errorText } from '../engine/errorText';
import type { ConnectOptions, ReconnectMode } from '../engine/options';
import { planRequest } from '../engine/request';
import { readHeaderLines } from '../shared/headerLines';
import { compilePath } from '../shared/llm/jsonPath';

export class UsageError extends Error {}

export interface ConnectCommand {
  kind: 'connect';
  options: ConnectOptions;
  json: boolean;
  /** `--text` (or `--path`): print the assembled LLM reply instead of records. */
  text: boolean;
  /** `--path`: the JSON path whose values are the text, for streams in no known LLM format. */
  path?: string;
  maxEvents?: number;
  timeoutMs?: number;
  /** Things worth a note on stderr that do not stop the command. */
  notes: string[];
}

export interface MockCommand {
  kind: 'mock';
  port: number;
  intervalMs?: number;
  /** Scenario files to serve at their own paths. */
  scenarios?: string[];
  /** A recording (NDJSON) to serve at /replay, its pauses divided by `speed` (0 = none). */
  replay?: { file: string; speed: number };
}

export type Command = ConnectCommand | MockCommand | { kind: 'help'; topic: 'general' | 'connect' | 'mock' } | { kind: 'version' };

/** Where credentials may come from besides flags, so that secrets need not appear in the shell history. */
export const COOKIE_ENV = 'SSE_INSPECTOR_COOKIE';
export const AUTHORIZATION_ENV = 'SSE_INSPECTOR_AUTHORIZATION';

const CONNECT_OPTIONS = {
  method: { type: 'string', short: 'X' },
  header: { type: 'string', short: 'H', multiple: true },
  data: { type: 'string', short: 'd' },
  'with-credentials': { type: 'boolean' },
  cookie: { type: 'string' },
  authorization: { type: 'string' },
  origin: { type: 'string' },
  'close-on': { type: 'string' },
  // The HTTP layer and the reconnect policy (kept together).
  reconnect: { type: 'string' },
  'no-reconnect': { type: 'boolean' },
  'max-reconnects': { type: 'string' },
  'close-on-data': { type: 'string' },
  'connect-timeout': { type: 'string' },
  insecure: { type: 'boolean' },
  'max-events': { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  text: { type: 'boolean' },
  path: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const MOCK_OPTIONS = {
  port: { type: 'string' },
  interval: { type: 'string' },
  scenario: { type: 'string', multiple: true },
  replay: { type: 'string' },
  speed: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** parseArgs explains itself in several sentences; the first one says what is wrong. */
function parse<T extends typeof CONNECT_OPTIONS | typeof MOCK_OPTIONS>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(
      errorText(error)
        .split(/\.(?:\s|$)/)[0]
        .replace(/\s+/g, ' '),
    );
  }
}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${flag} takes a whole number from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

function seconds(flag: string, value: string): number {
  if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) <= 0 || Number(value) > 2_000_000) {
    throw new UsageError(`${flag} takes a number of seconds above 0, got "${value}"`);
  }
  return Number(value) * 1000;
}

/** `-H "Name: value"` lines, by the rule the panel uses too; names keep the case typed. */
function headers(lines: readonly string[]): Record<string, string> {
  const parsed = readHeaderLines(lines, (index) => `-H #${index + 1}`);
  if (!parsed.ok) throw new UsageError(parsed.problem);
  return Object.fromEntries(parsed.fields.map((field) => [field.name, field.value]));
}

function credential(flag: string, fromFlag: string | undefined, fromEnv: string | undefined): string | undefined {
  const value = fromFlag ?? (fromEnv === '' ? undefined : fromEnv);
  // Checked here so that the engine's error, which may quote the value, never has to say it.
  if (value !== undefined && /[\r\n\0]/.test(value)) throw new UsageError(`${flag} must not contain line breaks or NUL`);
  return value;
}

/** `--reconnect auto|always|never`; `--no-reconnect` is `never`. */
function reconnectMode(flag: string | undefined, noReconnect: boolean): ReconnectMode {
  if (flag !== undefined && flag !== 'auto' && flag !== 'always' && flag !== 'never') {
    throw new UsageError(`--reconnect takes auto, always or never, got "${flag}"`);
  }
  if (noReconnect && flag !== undefined && flag !== 'never')
    throw new UsageError(`--no-reconnect and --reconnect ${flag} contradict each other`);
  return noReconnect ? 'never' : (flag ?? 'auto');
}

function connectCommand(args: string[], env: NodeJS.ProcessEnv): Command {
  const { values, positionals } = parse(args, CONNECT_OPTIONS);
  if (values.help) return { kind: 'help', topic: 'connect' };
  if (positionals.length === 0) throw new UsageError('connect needs a URL, e.g. sse-inspector connect http://127.0.0.1:8080/sse');
  if (positionals.length > 1) throw new UsageError(`connect takes one URL, got also "${positionals[1]}"`);
  const mode = reconnectMode(values.reconnect, values['no-reconnect'] === true);
  if (mode === 'never' && values['max-reconnects'] !== undefined) {
    throw new UsageError(`${values['no-reconnect'] ? '--no-reconnect' : '--reconnect never'} and --max-reconnects contradict each other`);
  }
  const text = (values.text ?? false) || values.path !== undefined;
  if (text && values.json) throw new UsageError(`--json and ${values.text ? '--text' : '--path'} choose different outputs: use one`);
  const path = values.path === undefined ? undefined : compilePath(values.path);
  if (path !== undefined && 'problem' in path) throw new UsageError(`--path: ${path.problem}`);
  const notes: string[] = [];
  const cookie = credential('--cookie', values.cookie, env[COOKIE_ENV]);
  const authorization = credential('--authorization', values.authorization, env[AUTHORIZATION_ENV]);
  if (!values['with-credentials'] && (values.cookie !== undefined || values.authorization !== undefined)) {
    notes.push('note: --cookie and --authorization are sent only with --with-credentials');
  }
  if (values.insecure)
    notes.push('warning: --insecure: any TLS certificate is trusted for this connection, so anyone between you and the server can read it');
  const options: ConnectOptions = {
    url: positionals[0],
    // As curl does, a body without a method means POST.
    method: values.method ?? (values.data === undefined ? 'GET' : 'POST'),
    headers: headers(values.header ?? []),
    body: values.data,
    withCredentials: values['with-credentials'] ?? false,
    credentials: { cookie, authorization },
    origin: values.origin,
    closeOn: values['close-on'],
    ...(values['close-on-data'] === undefined ? {} : { closeOnData: values['close-on-data'] }),
    ...(values['connect-timeout'] === undefined ? {} : { connectTimeoutMs: seconds('--connect-timeout', values['connect-timeout']) }),
    ...(values.insecure ? { insecureTls: true } : {}),
    reconnect: {
      mode,
      maxAttempts:
        values['max-reconnects'] === undefined ? undefined : wholeNumber('--max-reconnects', values['max-reconnects'], 0, 1_000_000),
    },
  };
  // The engine's own checks (URL scheme, origin, method, headers, a body with GET) are usage errors here.
  const planned = planRequest(options);
  if ('problem' in planned) throw new UsageError(planned.problem);
  return {
    kind: 'connect',
    options,
    json: values.json ?? false,
    text,
    path: values.path,
    maxEvents:
      values['max-events'] === undefined ? undefined : wholeNumber('--max-events', values['max-events'], 1, Number.MAX_SAFE_INTEGER),
    timeoutMs: values.timeout === undefined ? undefined : seconds('--timeout', values.timeout),
    notes,
  };
}

/** --speed: a replay's pace, ×1 by default; 0 means as fast as possible. */
function speedOf(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > 1000) throw new UsageError(`--speed takes a number from 0 to 1000, got "${value}"`);
  return Number(value);
}

function mockCommand(args: string[]): Command {
  const { values, positionals } = parse(args, MOCK_OPTIONS);
  if (values.speed !== undefined && values.replay === undefined) throw new UsageError('--speed needs --replay FILE');
  if (values.help) return { kind: 'help', topic: 'mock' };
  if (positionals.length > 0) throw new UsageError(`mock takes no arguments, got "${positionals[0]}"`);
  return {
    kind: 'mock',
    port: values.port === undefined ? 0 : wholeNumber('--port', values.port, 0, 65535),
    intervalMs: values.interval === undefined ? undefined : wholeNumber('--interval', values.interval, 0, 2 ** 31 - 1),
    ...(values.scenario === undefined ? {} : { scenarios: values.scenario }),
    ...(values.replay === undefined ? {} : { replay: { file: values.replay, speed: speedOf(values.speed) } }),
  };
}

/** `argv` without node and the script; `env` supplies credentials not given as flags. */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): Command {
  const [command, ...rest] = argv;
  switch (command) {
    case 'connect':
      return connectCommand(rest, env);
    case 'mock':
      return mockCommand(rest);
    case undefined:
      throw new UsageError('missing command: connect or mock (see sse-inspector --help)');
    case '-h':
    case '--help':
    case 'help':
      return { kind: 'help', topic: 'general' };
    case '--version':
      return { kind: 'version' };
    default:
      throw new UsageError(`unknown command "${command}": use connect or mock (see sse-inspector --help)`);
  }
}
