// Every credential value a panel session has used, kept in memory only, so exports and log lines can mask them later.
import type { Credentials } from '../engine/options';
import { credentialParamValues, isCredentialHeaderName, maskSecrets } from '../shared/redact';
import { secretFragments } from './exportRecords';
import type { SessionLog } from './sessionPorts';

/** Shorter values are not masked wherever they occur: they would hide ordinary text. */
const MIN_SECRET_CHARS = 4;

export class SessionSecrets {
  private readonly fragments = new Set<string>();
  private sorted: string[] | undefined = [];

  /** The Cookie and Authorization values the engine adds (Send credentials' stored Cookie). */
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

  /** Every fragment remembered, longest first, so a whole value is masked before a piece of it could split it. */
  list(): string[] {
    if (this.sorted === undefined) this.sorted = [...this.fragments].sort((a, b) => b.length - a.length);
    return this.sorted;
  }

  /** A line for a log or a message: remembered values and credential query values masked (the export's rule, maskSecrets). */
  mask(text: string): string {
    return maskSecrets(text, this.list());
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
