// One SSE session: connect, read, reconnect and close, reported as a stream of records.

import type { Readable } from 'node:stream';
import { BodyChunks } from './bodyChunks';
import { systemClock, type Clock } from './clock';
import { errorText } from './errorText';
import { EventStreamParser, type EventStreamSink } from './eventStream';
import { describeNetworkError } from './networkError';
import { readErrorBody } from './errorBody';
import { DEFAULT_CLOSE_ON, DEFAULT_MAX_EVENT_BYTES, DEFAULT_RETRY_MS, tooLargeMessage, type ConnectOptions } from './options';
import { Reconnects } from './reconnectPolicy';
import type { ClosedRecord, CloseReason, ErrorRecord, EventRecord, SentRequest, SseRecord } from '../shared/record';
import { planRequest, type RequestPlan } from './request';
import { visibleLine } from '../shared/visibleText';
import { responseProblem } from './response';
import { describeSent } from './sentRequest';
import { Transport, type Answer } from './transport';

/** Why one connection ended without closing the session; the session decides whether to reconnect. */
interface Interruption {
  message: string;
  retryable: boolean;
  /** The connection had opened (a 200 event stream). */
  opened: boolean;
  /** The server ended the body cleanly: for a request that is not reconnected, the normal end. */
  ended?: true;
}

/** What an error record may add about the response that caused it. */
type ErrorDetail = Pick<ErrorRecord, 'status' | 'headers' | 'body' | 'bodyTruncated'>;

const CLOSE_MESSAGES: Partial<Record<CloseReason, string>> = {
  user: 'Closed by the user',
  'no-content': 'The server answered 204 No Content: it asks the client to stop reconnecting',
};

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

export class SseConnection {
  /** Resolves once, with the final `closed` record (which onRecord also receives); never rejects. */
  readonly done: Promise<ClosedRecord>;
  private resolveDone!: (record: ClosedRecord) => void;
  private finished = false;
  private readonly clock: Clock;
  private readonly began: number;
  private seq = 0;
  // The time the bytes being parsed arrived: every record made from one chunk shares it.
  private t = 0;
  private at = 0;
  private previousEventT = -1;
  /** Events delivered in this session, to tell a connection that delivered something from one that died young. */
  private events = 0;
  private reconnectionMs: number;
  private readonly closeOn: string;
  private readonly transport: Transport;
  private readonly maxEventBytes: number;
  private readonly stream: EventStreamParser;
  private attemptAbort: AbortController | null = null;
  /** The current connection's request, masked; its open and error records share this one object. */
  private sent: SentRequest | undefined;
  private sleepTimer: unknown;
  private wake: (() => void) | undefined;
  private readonly onAbortSignal = (): void => this.close('user');

  constructor(
    private readonly options: ConnectOptions,
    private readonly onRecord: (record: SseRecord) => void,
  ) {
    this.done = new Promise((resolve) => {
      this.resolveDone = resolve;
    });
    this.clock = options.clock ?? systemClock;
    this.began = this.clock.now();
    this.reconnectionMs = Math.max(0, options.retryMs ?? DEFAULT_RETRY_MS);
    this.closeOn = options.closeOn ?? DEFAULT_CLOSE_ON;
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.stream = new EventStreamParser(this.streamSink(), this.maxEventBytes, '');
    this.transport = new Transport(options);
    // Start on the next microtask, so the caller holds the connection before the first record arrives.
    queueMicrotask(() => this.start());
  }

  /** Ends the session for good: aborts the request or the reconnect wait at once. Idempotent. `message` says why, in full. */
  close(reason: CloseReason = 'user', message?: string): void {
    this.finish(reason, message ?? CLOSE_MESSAGES[reason]);
  }

  private start(): void {
    if (this.finished) return;
    const signal = this.options.signal;
    if (signal?.aborted) {
      this.close('user');
      return;
    }
    signal?.addEventListener('abort', this.onAbortSignal, { once: true });
    this.run().catch((error: unknown) => {
      // Only a throwing record handler gets here: the engine itself turns every failure into records.
      this.finish('failed', `Internal error while handling a record: ${errorText(error)}`);
    });
  }

  private async run(): Promise<void> {
    const planned = planRequest(this.options);
    if ('problem' in planned) {
      this.emitError(planned.problem, false);
      this.finish('failed', planned.problem);
      return;
    }
    const reconnects = new Reconnects(this.options.reconnect, planned.plan.eventSourceLike);
    let connection = 0;
    for (;;) {
      connection++;
      const eventsBefore = this.events;
      const outcome = await this.connectOnce(planned.plan, connection);
      if (outcome === undefined || this.finished) return;
      const decision = reconnects.decide({ ...outcome, delivered: this.events > eventsBefore }, this.reconnectionMs);
      if (decision.kind === 'end') return this.finish('ended', outcome.message);
      if (decision.kind !== 'reconnect') {
        this.emitError(outcome.message, false);
        if (decision.kind === 'fail') this.finish('failed', outcome.message);
        else this.finish('reconnect-limit', `${outcome.message}; ${decision.why}`);
        return;
      }
      const { attempt, delayMs } = decision;
      this.emitError(outcome.message, true);
      // The record handler may have closed the session; nothing may follow the closed record.
      if (this.finished) return;
      this.stamp();
      this.onRecord({ kind: 'reconnect', ...this.base(), attempt, delayMs, lastEventId: this.stream.lastEventId });
      if (this.finished) return;
      await this.sleep(delayMs);
      if (this.finished) return;
    }
  }

  /** One request and its body. Undefined when the session finished; otherwise why this connection ended. */
  private async connectOnce(plan: RequestPlan, connection: number): Promise<Interruption | undefined> {
    // Until this connection sends something, its errors describe no request (not the previous connection's).
    this.sent = undefined;
    const attempt = plan.attempt(this.stream.lastEventId, connection > 1);
    if ('problem' in attempt) return { message: attempt.problem, retryable: false, opened: false };
    const abort = new AbortController();
    this.attemptAbort = abort;
    const sentAt = performance.now();
    const exchange = await this.transport.exchange(plan.url, plan.origin, attempt, abort.signal);
    if (this.finished) return undefined;
    if (exchange.sent !== undefined) this.sent = describeSent(exchange.sent, attempt.headers);
    if ('failure' in exchange) return { ...exchange.failure, opened: false };
    const answer = exchange.answer;
    const ttfbMs = round(performance.now() - sentAt);
    if (answer.status === 204) {
      Transport.discard(answer.body);
      this.close('no-content');
      return undefined;
    }
    const problem = responseProblem(answer);
    if (problem !== null) return this.refuse(answer, problem);
    this.stamp();
    this.onRecord({
      kind: 'open',
      ...this.base(),
      connection,
      status: answer.status,
      url: answer.url,
      headers: answer.headers,
      ttfbMs,
      ...(answer.cors === undefined ? {} : { cors: answer.cors }),
      ...(this.sent === undefined ? {} : { request: this.sent }),
    });
    if (this.finished) return undefined;
    return this.read(answer.body, answer.url);
  }

  /** A response that is not an event stream: the session fails, and the record keeps the server's explanation. */
  private async refuse(answer: Answer, problem: string): Promise<undefined> {
    const body = await readErrorBody(answer.body);
    if (this.finished) return undefined;
    this.emitError(problem, false, {
      status: answer.status,
      headers: answer.headers,
      body: body.text,
      ...(body.truncated ? { bodyTruncated: true } : {}),
    });
    this.finish('failed', problem);
    return undefined;
  }

  private async read(body: Readable, url: string): Promise<Interruption | undefined> {
    const stream = this.stream;
    stream.begin();
    const reader = new BodyChunks(body);
    for (;;) {
      let chunk;
      try {
        chunk = await reader.next();
      } catch (error) {
        if (this.finished) return undefined;
        this.stamp();
        stream.end();
        if (this.finished) return undefined;
        return { ...describeNetworkError(error, url, true), opened: true };
      }
      if (this.finished) return undefined;
      if (chunk === undefined) return this.endOfBody();
      this.stamp();
      const held = this.options.onChunk?.(chunk, this.t);
      stream.push(chunk);
      if (this.finished) return undefined;
      if (held !== undefined) await held;
      if (this.finished) return undefined;
    }
  }

  private endOfBody(): Interruption | undefined {
    this.stamp();
    this.stream.end();
    if (this.finished) return undefined;
    // Not a failure in the user's eyes, but a browser fires `error` here and reconnects, so it shows.
    return { message: 'The server ended the stream', retryable: true, opened: true, ended: true };
  }

  private streamSink(): EventStreamSink {
    return {
      event: (type, data, id, lastEventId, size) => this.emitEvent(type, data, id, lastEventId, size),
      comment: (text) => this.onRecord({ kind: 'comment', ...this.base(), text }),
      retry: (ms) => {
        this.reconnectionMs = ms;
        this.onRecord({ kind: 'retry', ...this.base(), ms });
      },
      ignored: (line, reason, lineBytes) =>
        this.onRecord({ kind: 'ignored', ...this.base(), line, reason, ...(lineBytes === undefined ? {} : { lineBytes }) }),
      tooLarge: (what) => {
        const message = tooLargeMessage(what, this.maxEventBytes);
        this.emitError(message, false);
        this.finish('failed', message);
      },
    };
  }

  private emitEvent(type: string, data: string, id: string | undefined, lastEventId: string, size: number): void {
    const t = this.t;
    // Events parsed from one chunk share its time: only the first of them needs the subtraction and rounding.
    const dt = this.previousEventT < 0 ? null : t === this.previousEventT ? 0 : round(t - this.previousEventT);
    this.previousEventT = t;
    const seq = ++this.seq;
    const record: EventRecord = { kind: 'event', seq, t, at: this.at, type, data, id: id ?? null, lastEventId, size, dt };
    this.events++;
    this.onRecord(record);
    if (this.finished) return;
    // An event's type is never empty, so closeOn "" never matches.
    if (type === this.closeOn) this.finish('close-on-event', `Closed on the "${type}" event`);
    else if (data === this.options.closeOnData) this.finish('close-on-event', `Closed on the data "${visibleLine(data)}"`);
  }

  private emitError(message: string, willReconnect: boolean, detail: ErrorDetail = {}): void {
    this.stamp();
    const request = this.sent === undefined ? {} : { request: this.sent };
    this.onRecord({ kind: 'error', ...this.base(), message, ...detail, ...request, willReconnect });
  }

  private finish(reason: CloseReason, message: string | undefined): void {
    if (this.finished) return;
    this.finished = true;
    this.stream.halt();
    this.attemptAbort?.abort();
    this.attemptAbort = null;
    this.transport.close();
    this.clock.clearTimeout(this.sleepTimer);
    this.wake?.();
    this.options.signal?.removeEventListener('abort', this.onAbortSignal);
    this.stamp();
    const record: ClosedRecord = { kind: 'closed', ...this.base(), reason, ...(message === undefined ? {} : { message }) };
    try {
      this.onRecord(record);
    } finally {
      this.resolveDone(record);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.sleepTimer = this.clock.setTimeout(resolve, ms);
    });
  }

  private stamp(): void {
    this.t = round(this.clock.now() - this.began);
    this.at = Date.now();
  }

  private base(): { seq: number; t: number; at: number } {
    return { seq: ++this.seq, t: this.t, at: this.at };
  }
}
