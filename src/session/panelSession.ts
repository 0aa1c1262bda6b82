// One inspector panel's session, without VS Code: its records, status, notices and at most one live connection.
import { errorText } from '../engine/errorText';
import type { ConnectionStatus, ConnectRequest, PanelState, WebviewToExtension } from '../shared/protocol';
import type { SseRecord } from '../shared/record';
import type { RecordBatch } from './batcher';
import { AppliedBatches } from './appliedBatches';
import { planConnection } from './connectPlan';
import { lifecycleLogLine } from './lifecycleLog';
import { PanelRequests } from './panelRequests';
import { ARCHIVE_BYTES, type LoadedSession } from './sessionArchive';
import { statusAfter } from './sessionStatus';
import type { SessionInfo, SessionLog, SessionServices, WebviewChannel } from './sessionPorts';
import { SessionSecrets } from './sessionSecrets';
import { KeptSessions } from './keptSessions';
import { LiveConnection } from './liveConnection';
import { isLive } from '../shared/connectionStatus';
import { maskHeaderLines, redactUrlParams } from '../shared/redact';
import { hasCredentialLine, secretsOrigin } from './originSecrets';
import { validateWebviewMessage } from './validate';
import { WebviewOutbox } from './webviewOutbox';
import { toViewRecord } from './viewCopy';
import { packRecords } from '../shared/packedRecords';

export { MAX_QUEUED_NOTICES } from './webviewOutbox';

export class PanelSession {
  private request: ConnectRequest;
  private status: ConnectionStatus = 'idle';
  /** The live session (records of an earlier session's connection are not taken), the shown one and the compared one. */
  private readonly sessions: KeptSessions;
  private readonly connection = new LiveConnection();
  /** Numbers the connects: one that a later connect overtook (while reading secrets) does nothing. */
  private connectAttempt = 0;
  private readonly outbox: WebviewOutbox;
  /** The webview's receipts for record batches: the batcher's backpressure. */
  private readonly receipts = new AppliedBatches();
  private corsAllowed: boolean | undefined;
  private disposed = false;
  /** Every credential this session has used: masked in its log lines and exports, even after it was changed. */
  private readonly secrets = new SessionSecrets();
  private readonly log: SessionLog;
  /** What the webview asks of the kept records (details, raw bytes, export, replay…) and of the stored secrets. */
  private readonly requests: PanelRequests;

  constructor(
    private readonly id: string,
    webview: WebviewChannel,
    request: ConnectRequest,
    private readonly services: SessionServices,
  ) {
    this.request = request;
    this.log = this.secrets.maskingLog(services.log);
    this.outbox = new WebviewOutbox(id, webview, this.log);
    this.sessions = new KeptSessions(request, services, {
      post: (message) => this.outbox.post(message),
      notify: (message) => this.outbox.notify('info', { message }),
      sendBatch: (batch) => this.sendBatch(batch),
      streaming: () => isLive(this.status),
    });
    this.requests = new PanelRequests({ id, log: this.log, services, outbox: this.outbox, sessions: this.sessions, secrets: this.secrets });
  }

  info(): SessionInfo {
    const info: SessionInfo = { status: this.status, request: { ...this.request } };
    if (this.corsAllowed !== undefined) {
      info.corsAllowed = this.corsAllowed;
    }
    return info;
  }

  /** Ends the session: the live connection (if any) is aborted, and nothing more is posted. */
  dispose(): void {
    if (this.disposed) {
      return;
    }
    // First, so the closing connection's last records are not posted to a webview that is going away.
    this.disposed = true;
    this.outbox.close();
    this.connection.close();
    this.sessions.dispose();
  }

  /** A message from the webview, checked first: the webview runs untrusted data and is not trusted itself. */
  receive(raw: unknown): void {
    const checked = validateWebviewMessage(raw);
    if (!checked.ok) {
      this.log.warn(`${this.id}: ignored a message from the webview: ${checked.problem}`);
      return;
    }
    this.handle(checked.message).catch((error: unknown) => {
      this.log.error(`${this.id}: ${checked.message.type} failed: ${errorText(error)}`);
      this.outbox.notify('error', { message: `${checked.message.type} failed: ${errorText(error)}` });
    });
  }

  /**
   * Starts a new session: the table is cleared and the old connection (if any) closed, since seq
   * and time restart with each connection. A request with a problem changes nothing but the notice.
   */
  async connect(request: ConnectRequest): Promise<void> {
    this.request = request;
    // Any connect supersedes one still reading or writing the secret storage; the live stream goes on until this
    // one is known to start (a refused request leaves it running).
    const attempt = ++this.connectAttempt;
    // The secrets leave their store only for a request that uses them.
    const origin = request.withCredentials || hasCredentialLine(request.headers) ? secretsOrigin(request.url) : undefined;
    const stored = origin === undefined ? {} : await this.services.credentials.read(origin);
    if (attempt !== this.connectAttempt || this.disposed) {
      return; // Another connect, or the panel's closing, overtook this one while the secrets were read.
    }
    const plan = planConnection(request, { connectTimeoutMs: this.services.connectTimeoutMs }, stored);
    if (!plan.ok) {
      this.log.info(`${this.id}: not connecting: ${plan.notice.message}`);
      this.outbox.notify('error', plan.notice);
      return;
    }
    // What was typed is stored before it is sent: no separate Save.
    if (plan.toStore !== undefined) await this.services.credentials.write(plan.secretsOrigin, plan.toStore);
    if (attempt !== this.connectAttempt || this.disposed) {
      return;
    }
    this.request = { ...request, headers: maskHeaderLines(request.headers) };
    if (this.request.headers !== request.headers) this.outbox.post({ type: 'headersStored', masked: this.request.headers });
    this.secrets.rememberCredentials(plan.options.credentials ?? {});
    this.secrets.rememberRequest(plan.options.url, plan.options.headers);
    // The old stream ends here, saying why in its own closed record; its rows stay with its session.
    const hadPrevious = this.connection.endForNew();
    const ended = this.sessions.live;
    this.services.archive?.startSession(redactUrlParams(this.request.url), this.secrets.list(), this.services.keptSessions ?? 1);
    this.corsAllowed = undefined;
    // Before the new session starts, so the picker lists it as streaming.
    this.setStatus('connecting');
    const kept = this.sessions.start(this.request);
    if (hadPrevious) {
      const where = `The previous stream (${this.connection.url ?? 'unknown URL'}, ${ended.store.received.events} events) was closed`;
      this.outbox.notify('info', {
        message: kept
          ? `New session. ${where} and is kept as session ${ended.number}: pick it under Session to see its rows again.`
          : `New session. ${where} and its rows cleared (sseInspector.keptSessions keeps no earlier session).`,
      });
    }
    const session = this.sessions.live;
    this.services.setTitle(plan.options.url);
    this.log.info(
      `${this.id}: connecting to ${plan.options.url} (${plan.options.method}, credentials ${request.withCredentials ? 'on' : 'off'})`,
    );
    // The recent-URL list is kept in the clear (globalState), so without its credential values.
    this.services
      .rememberUrl(redactUrlParams(plan.options.url))
      .catch((error: unknown) => this.log.warn(`Could not remember the URL: ${errorText(error)}`));
    const onChunk = (bytes: Uint8Array, t: number): undefined => {
      if (session === this.sessions.live) session.raw.add(bytes, t);
    };
    const onRecord = (record: SseRecord): void => {
      if (session === this.sessions.live && !this.disposed) {
        this.receiveRecord(record);
      }
    };
    this.connection.open({ ...plan.options, onChunk }, onRecord, (connection) => this.services.trackConnection(connection));
  }

  /** Disconnect, from the button or the command. */
  disconnect(): void {
    if (!this.connection.isOpen) {
      this.outbox.notify('info', { message: 'Not connected.' });
    }
    this.connection.close();
  }

  /** Clear, from the button or the command: empties the table; a live connection goes on (and keeps its diagnostics). */
  clear(): void {
    // The rows the user cleared do not come back after a reload either.
    if (this.sessions.clearShown()) this.services.archive?.clearLive();
    this.outbox.post({ type: 'cleared', by: 'user' });
  }

  /** Connect from the keyboard command: the webview sends its form's request, as its Connect button does. */
  connectFromForm(): void {
    this.outbox.post({ type: 'run', action: 'connect' });
  }

  /** The name the user gave the panel, kept by the webview with its saved state. */
  named(name: string): void {
    this.outbox.post({ type: 'panelName', name });
  }

  /**
   * Ends the live connection when it was made to `origin` (e.g. a mock server being stopped), with `message` as the
   * closed record's words. True when it did.
   */
  endIfConnectedTo(origin: string, message: string): boolean {
    return this.connection.endIfConnectedTo(origin, message);
  }

  private async handle(message: WebviewToExtension): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.sendState();
      case 'applied':
        return this.receipts.applied(message.batch);
      case 'connect':
        return this.connect(message.request);
      case 'disconnect':
        return this.disconnect();
      case 'clear':
        return this.clear();
      case 'showSession':
        return this.sessions.show(message.session);
      case 'compareSession':
        return this.sessions.compare(message.session);
      default:
        return this.requests.answer(message);
    }
  }

  /** The whole picture, for a webview that starts from nothing. */
  private async sendState(): Promise<void> {
    if (this.disposed) {
      return;
    }
    // A webview saying ready is a new one (a reload): what the old one had not applied will not be acknowledged.
    this.receipts.forgetAll();
    // The oldest records come with the state; the rest follow in bounded batches, as live ones do.
    const first = this.sessions.restart();
    const state: PanelState = {
      request: this.request,
      recentUrls: this.services.recentUrls(),
      status: this.status,
      records: first.records.map((record) => toViewRecord(record)),
      dropped: first.dropped,
      maxEvents: this.sessions.shown.store.capacity,
      received: first.received,
    };
    if (this.services.archive) state.sessionKey = this.services.archive.key;
    this.outbox.opened({ type: 'state', state });
    this.sessions.describe();
  }

  /** Brings back the records kept before a window reload; the stream is not reconnected. */
  restoreKept(loaded: LoadedSession): void {
    const sessions = [...loaded.earlier, { url: loaded.url, records: loaded.records }];
    this.sessions.restore(sessions.map(({ url, records }) => ({ request: { ...this.request, url: url ?? this.request.url }, records })));
    if (loaded.records.length === 0 && loaded.earlier.length === 0) return;
    const lost =
      loaded.notKept > 0
        ? ` (the ${loaded.notKept} after them were not kept: a panel keeps ${ARCHIVE_BYTES / 1024 / 1024} MiB for a reload)`
        : '';
    const earlier =
      loaded.earlier.length === 0
        ? ''
        : `, and ${loaded.earlier.length} earlier session${loaded.earlier.length === 1 ? '' : 's'} with them`;
    this.outbox.notify('info', {
      message: `These ${loaded.records.length} records were received before the window reloaded${lost}${earlier}; the stream was not reconnected.`,
    });
  }

  private receiveRecord(record: SseRecord): void {
    this.sessions.add(record);
    this.services.archive?.append(record, this.secrets.list());
    if (record.kind === 'open' && record.cors !== undefined) {
      this.corsAllowed = record.cors.allowed;
    }
    // A status goes out at once; the row that caused it follows within an interval.
    const next = statusAfter(this.status, record);
    if (next !== this.status) {
      this.setStatus(next);
    }
    const line = lifecycleLogLine(record);
    if (line !== undefined) {
      this.log[line.level](`${this.id}: ${line.text}`);
    }
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.outbox.post({ type: 'status', status });
    // The picker's line for the live session: streaming or ended, and its count then.
    if (status === 'closed') this.sessions.postList();
  }

  /** Posts a batch; what it returns settles once the webview has applied it (the batcher sends at most two ahead). */
  private sendBatch(batch: RecordBatch): PromiseLike<unknown> | undefined {
    const number = this.receipts.next();
    const posted = this.outbox.post({
      type: 'records',
      records: packRecords(batch.records.map((record) => toViewRecord(record))),
      dropped: batch.dropped,
      received: batch.received,
      batch: number,
    });
    return this.receipts.wait(number, posted);
  }
}
