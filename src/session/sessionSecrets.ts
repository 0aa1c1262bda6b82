// Every credential value a panel session has used, kept in memory only, so exports and log lines can mask them later.
import type { Credentials } from '../engine/options';
import { credentialParamValues, isCredentialHeaderName, REDACTED, redactUrlParams } from '../shared/redact';
import { secretFragments } from './exportRecords';
import type { SessionLog } from './sessionPorts';

/** Shorter values are not masked wherever they occur: they would hide ordinary text. */
const MIN_SECRET_CHARS = 4;

export class SessionSecrets {
  private readonly fragments = new Set<string>();
  private sorted: string[] | undefined = [];

  /** The stored Cookie and Authorization values sent (or about to be). */
  rememberCredentials(credentials: Credentials): void {
    this.add(secretFragments(credentials));
  }

  /** The credential header values (Authorization, Cookie, X-Api-Key, …) and credential query values of a request. */
  rememberRequest(url: string, headers: Record<string, string> = {}): void {
    for (const [name, value] of Object.entries(headers)) {
      if (!isCredentialHeaderName(name)) continue;
      const lower = name.toLowerCase();
      // A value of a few characters (X-Session: 1) would mask every "1" in a log line; the header itself is masked by name.
      if (value.trim().length < MIN_SECRET_CHARS) continue;
      this.add(secretFragments(lower === 'cookie' ? { cookie: value } : { authorization: value }));
    }
    this.add(credentialParamValues(url).filter((value) => value.length >= MIN_SECRET_CHARS));
  }

  /** Every fragment remembered, with `also` (e.g. what is stored now), longest first. */
  list(also: Credentials = {}): string[] {
    const extra = secretFragments(also);
    if (this.sorted === undefined) this.sorted = [...this.fragments].sort((a, b) => b.length - a.length);
    return extra.length === 0 ? this.sorted : [...new Set([...extra, ...this.sorted])].sort((a, b) => b.length - a.length);
  }

  /** A line for a log or a message: remembered values and credential query values masked. */
  mask(text: string): string {
    let masked = text;
    for (const secret of this.list()) masked = masked.replaceAll(secret, REDACTED);
    return redactUrlParams(masked);
  }

  /** A log that masks every line it is given before `log` writes it. */
  maskingLog(log: SessionLog): SessionLog {
    return {
      debug: (text) => log.debug(this.mask(text)),
      info: (text) => log.info(this.mask(text)),
      warn: (text) => log.warn(this.mask(text)),
      error: (text) => log.error(this.mask(text)),
    };
  }

  private add(values: readonly string[]): void {
    for (const value of values) {
      if (value !== '' && !this.fragments.has(value)) {
        this.fragments.add(value);
        this.sorted = undefined;
      }
    }
  }
}
