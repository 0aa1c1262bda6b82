// What the mock server remembers of its requests: the most recent few, with no credential value kept.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isCredentialHeader } from '../shared/headerLines';

/** One HTTP request the mock server saw. */
export interface MockRequestInfo {
  method: string;
  /** Path plus query, e.g. "/sse?count=3". */
  url: string;
  /** As received, except that credential headers carry `redactedHeaderValue(value)` instead of the value. */
  headers: Record<string, string | string[] | undefined>;
  /** Epoch ms when the request arrived. */
  startedAt: number;
  /** Epoch ms when its socket closed; undefined while open. */
  closedAt?: number;
}

/** How many requests are kept: enough to see what just happened, and a flood of requests costs nothing more. */
export const RECENT_REQUESTS = 100;

/**
 * Stands in for a credential value: its length and a short SHA-256 fingerprint, so a test (or a user comparing
 * with what they sent) can tell which value arrived while the value itself is never stored.
 */
export function redactedHeaderValue(value: string): string {
  const fingerprint = createHash('sha256').update(value, 'latin1').digest('hex').slice(0, 16);
  return `[redacted: ${value.length} chars, sha256 ${fingerprint}]`;
}

/** The headers to keep of a request: a copy, with every credential value replaced. */
export function keptHeaders(headers: IncomingHttpHeaders): MockRequestInfo['headers'] {
  const kept: MockRequestInfo['headers'] = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!isCredentialHeader(name) || value === undefined) kept[name] = value;
    else kept[name] = Array.isArray(value) ? value.map(redactedHeaderValue) : redactedHeaderValue(value);
  }
  return kept;
}

/** The last RECENT_REQUESTS requests, oldest first. */
export class RequestRing {
  private readonly kept: MockRequestInfo[] = [];
  private added = 0;

  constructor(private readonly capacity = RECENT_REQUESTS) {}

  add(info: MockRequestInfo): void {
    this.added += 1;
    this.kept.push(info);
    // A plain array: at this size, dropping the oldest by shift() costs less than ring index arithmetic is worth.
    if (this.kept.length > this.capacity) this.kept.shift();
  }

  /** How many requests were ever added, forgotten ones included. */
  get total(): number {
    return this.added;
  }

  /** The kept requests, oldest first (a live view: callers must not modify it). */
  get list(): readonly MockRequestInfo[] {
    return this.kept;
  }
}
