// A request as a `curl` command line and back: "Copy as curl" builds one, and a pasted one (such as Chrome's
// "Copy as cURL") fills the form. Shared, so the webview can read a paste without a round trip.

import { isCredentialHeader } from './headerLines';
import { MASKED } from './redact';

/** What stands for a secret value when the user did not ask to see secrets (the Headers box's mask, so a copied command pastes back as a masked line). */
export { MASKED };

/** The parts of a request that a curl command carries. */
export interface CurlRequest {
  method: string;
  url: string;
  /** In order, as given. */
  headers: { name: string; value: string }[];
  body: string;
  /** `-k`/`--insecure` was given: trust any certificate. */
  insecure: boolean;
}

export type CurlParse = { ok: true; request: CurlRequest; ignored: string[] } | { ok: false; problem: string };

/** POSIX shell single quotes: everything literal, a quote itself as '\''. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `curl -N …` for the request; credential header values masked unless `revealSecrets`. */
export function toCurl(request: CurlRequest, options: { revealSecrets: boolean }): string {
  const parts = ['curl', '-N'];
  const impliedMethod = request.body === '' ? 'GET' : 'POST';
  if (request.method.toUpperCase() !== impliedMethod) parts.push('-X', shellQuote(request.method));
  parts.push(shellQuote(request.url));
  for (const { name, value } of request.headers) {
    const shown = !options.revealSecrets && isCredentialHeader(name) ? MASKED : value;
    parts.push('-H', shellQuote(`${name}: ${shown}`));
  }
  if (request.body !== '') parts.push('--data-raw', shellQuote(request.body));
  if (request.insecure) parts.push('--insecure');
  return parts.join(' ');
}

/** True when pasted text looks like a curl command rather than a URL. */
export function looksLikeCurl(text: string): boolean {
  return /^\s*curl(\.exe)?\s/.test(text);
}

/** Options that take a value, mapped to what they mean here; the rest of curl's valued options are skipped. */
const VALUED = new Map<string, 'method' | 'header' | 'data' | 'url' | 'cookie' | 'user' | 'agent' | 'referer' | 'skip'>([
  ['-X', 'method'],
  ['--request', 'method'],
  ['-H', 'header'],
  ['--header', 'header'],
  ['-d', 'data'],
  ['--data', 'data'],
  ['--data-raw', 'data'],
  ['--data-binary', 'data'],
  ['--data-ascii', 'data'],
  ['--json', 'data'],
  ['--url', 'url'],
  ['-b', 'cookie'],
  ['--cookie', 'cookie'],
  ['-u', 'user'],
  ['--user', 'user'],
  ['-A', 'agent'],
  ['--user-agent', 'agent'],
  ['-e', 'referer'],
  ['--referer', 'referer'],
  ['-m', 'skip'],
  ['--max-time', 'skip'],
  ['--connect-timeout', 'skip'],
  ['-o', 'skip'],
  ['--output', 'skip'],
  ['-w', 'skip'],
  ['--write-out', 'skip'],
  ['--retry', 'skip'],
  ['-x', 'skip'],
  ['--proxy', 'skip'],
  ['--trace', 'skip'],
  ['--trace-ascii', 'skip'],
  ['-c', 'skip'],
  ['--cookie-jar', 'skip'],
  ['-D', 'skip'],
  ['--dump-header', 'skip'],
  ['--cacert', 'skip'],
  ['-E', 'skip'],
  ['--cert', 'skip'],
  ['--key', 'skip'],
  ['--resolve', 'skip'],
  ['--limit-rate', 'skip'],
  ['-F', 'skip'],
  ['--form', 'skip'],
  ['-T', 'skip'],
  ['--upload-file', 'skip'],
  ['--interface', 'skip'],
]);
/** Flags without a value that change nothing for an event stream (output, progress, HTTP version, compression). */
const HARMLESS_FLAGS = new Set([
  '-N',
  '--no-buffer',
  '-s',
  '--silent',
  '-S',
  '--show-error',
  '-i',
  '--include',
  '-v',
  '--verbose',
  '-L',
  '--location',
  '--compressed',
  '--http1.1',
  '--http2',
  '--http2-prior-knowledge',
  '-f',
  '--fail',
  '--fail-with-body',
  '-g',
  '--globoff',
]);

/** Reads a pasted curl command: method, URL, headers, body. Unknown options are listed in `ignored`. */
export function parseCurl(command: string): CurlParse {
  const words = shellWords(command);
  if (!words.ok) return words;
  const [first, ...rest] = words.words;
  if (first === undefined || !/^curl(\.exe)?$/.test(first)) return { ok: false, problem: 'A curl command starts with "curl"' };
  const request: CurlRequest = { method: '', url: '', headers: [], body: '', insecure: false };
  const ignored: string[] = [];
  const bodies: string[] = [];
  for (let index = 0; index < rest.length; index++) {
    const word = rest[index];
    const inline = /^(--[\w.-]+)=(.*)$/s.exec(word);
    const option = inline ? inline[1] : word;
    const meaning = VALUED.get(option);
    if (meaning !== undefined) {
      const value = inline ? inline[2] : rest[++index];
      if (value === undefined) return { ok: false, problem: `${option} needs a value` };
      if (meaning === 'method') request.method = value.toUpperCase();
      else if (meaning === 'header') {
        const colon = value.indexOf(':');
        if (colon <= 0) return { ok: false, problem: `The header ${JSON.stringify(value.slice(0, 40))} is not "Name: value"` };
        request.headers.push({ name: value.slice(0, colon).trim(), value: value.slice(colon + 1).trim() });
      } else if (meaning === 'data') {
        bodies.push(value);
        if (option === '--json') request.headers.push({ name: 'Content-Type', value: 'application/json' });
      } else if (meaning === 'url') request.url = value;
      else if (meaning === 'cookie') request.headers.push({ name: 'Cookie', value });
      else if (meaning === 'user') request.headers.push({ name: 'Authorization', value: `Basic ${base64(value)}` });
      else if (meaning === 'agent') request.headers.push({ name: 'User-Agent', value });
      else if (meaning === 'referer') request.headers.push({ name: 'Referer', value });
      else ignored.push(option);
    } else if (option === '-k' || option === '--insecure') request.insecure = true;
    else if (HARMLESS_FLAGS.has(option)) continue;
    else if (option.startsWith('-') && option.length > 1) ignored.push(option);
    else if (request.url === '') request.url = option;
    else return { ok: false, problem: `Only one URL can be inspected; found ${JSON.stringify(request.url)} and ${JSON.stringify(option)}` };
  }
  if (request.url === '') return { ok: false, problem: 'The curl command has no URL' };
  // curl joins several -d values with "&", as a form would.
  request.body = bodies.join('&');
  request.method ||= request.body === '' ? 'GET' : 'POST';
  return { ok: true, request, ignored };
}

/** UTF-8 then Base64, in the browser and in Node alike. */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const ANSI_C_ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  v: '\v',
};

/**
 * Splits a POSIX shell command line into words: '…', "…" (with \ escapes), $'…' (ANSI-C escapes, which Chrome
 * uses for bodies with quotes or line breaks), \ escapes and line continuations. No expansion is done.
 */
export function shellWords(text: string): { ok: true; words: string[] } | { ok: false; problem: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      // A backslash before a line break continues the line; before anything else it makes that character literal.
      if (text.startsWith('\r\n', i + 1)) i += 2;
      else if (text[i + 1] === '\n') i += 1;
      else if (i + 1 < text.length) {
        word += text[++i];
        inWord = true;
      }
    } else if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return { ok: false, problem: 'A single quote is not closed' };
      word += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === '$' && text[i + 1] === "'") {
      let j = i + 2;
      for (; j < text.length && text[j] !== "'"; j++) {
        if (text[j] !== '\\') {
          word += text[j];
          continue;
        }
        const escape = text[++j];
        const hex = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(j)) ?? /^u([0-9a-fA-F]{4})/.exec(text.slice(j));
        if (hex) {
          word += String.fromCharCode(parseInt(hex[1], 16));
          j += hex[0].length - 1;
        } else word += ANSI_C_ESCAPES[escape] ?? `\\${escape}`;
      }
      if (j >= text.length) return { ok: false, problem: "A $'…' quote is not closed" };
      inWord = true;
      i = j;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && text[j + 1] === '\n') j++;
        else if (text[j] === '\\' && '"\\$`'.includes(text[j + 1] ?? '')) word += text[++j];
        else word += text[j];
      }
      if (j >= text.length) return { ok: false, problem: 'A double quote is not closed' };
      inWord = true;
      i = j;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return { ok: true, words };
}
