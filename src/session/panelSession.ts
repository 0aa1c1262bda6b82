// One inspector panel's session, without VS Code: its records, status, notices and at most one live connection.
import { SseConnection } from '../engine/connection';
import { errorText } from '../engine/errorText';
import type { ConnectionStatus, ConnectRequest, ExtensionToWebview, PanelState, WebviewToExtension } from '../shared/protocol';
import { assertNever, type SseRecord } from '../shared/record';
import { RecordBatcher, type RecordBatch } from './batcher';
import { planConnection, type FieldNotice } from './connectPlan';
import { RawCapture } from './rawCapture';
import { lifecycleLogLine } from './lifecycleLog';
import { exportRecords, replayInMock, saveAsScenario, type OutputSource } from './recordOutputs';
import { RecordStore } from './recordStore';
import { ARCHIVE_BYTES, type LoadedSession } from './sessionArchive';
import { statusAfter } from './sessionStatus';
import type { SessionInfo, SessionLog, SessionServices, WebviewChannel } from './sessionPorts';
import { SessionSecrets } from './sessionSecrets';
import { maskHeaderLines, redactUrlParams } from '../shared/redact';
import { hasCredentialLine, secretsOrigin } from './originSecrets';
import { validateWebviewMessage } from './validate';
import { toViewRecord } from './viewCopy';

/** Notices raised before the webview is listening wait for it; a few are enough to explain anything. */
export const MAX_QUEUED_NOTICES = 10;

type Notice = Extract<ExtensionToWebview, { type: 'notice' }>;

export class PanelSession {
  private request: ConnectRequest;
  private status: ConnectionStatus = 'idle';
  private readonly store: RecordStore;
  private readonly batcher: RecordBatcher;
  private connection: SseConnection | undefined;
  /** Bumped by every connect: records from a superseded connection are ignored. */
  private session = 0;
  /**
   * True once the webview has said `ready`. A webview that is rebuilt (a window reload) says `ready` again and
   * gets the whole state, so messages posted before that may be dropped without harm.
   */
  private webviewReady = false;
  private readonly queuedNotices: Notice[] = [];
  private corsAllowed: boolean | undefined;
  private disposed = false;
  /** Every credential this session has used: masked in its log lines and exports, even after it was changed. */
  private readonly secrets = new SessionSecrets();
  private readonly raw = new RawCapture();
  private readonly log: SessionLog;

  constructor(
    private readonly id: string,
    private readonly webview: WebviewChannel,
    request: ConnectRequest,
    private readonly services: SessionServices,
  ) {
    this.request = request;
    this.store = new RecordStore(services.maxEvents, services.maxStoreBytes);
    this.batcher = new RecordBatcher(this.store, (batch) => this.sendBatch(batch));
    this.log = this.secrets.maskingLog(services.log);
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
    this.connection?.close('user');
    this.batcher.dispose();
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
      this.notify('error', { message: `${checked.message.type} failed: ${errorText(error)}` });
    });
  }

  /**
   * Starts a new session: the table is cleared and the old connection (if any) closed, since seq
   * and time restart with each connection. A request with a problem changes nothing but the notice.
   */
  async connect(request: ConnectRequest): Promise<void> {
    this.request = request;
    // Any connect supersedes one still reading or writing the secret storage.
    const session = ++this.session;
    // The secrets leave their store only for a request that uses them.
    const origin = request.withCredentials || hasCredentialLine(request.headers) ? secretsOrigin(request.url) : undefined;
    const stored = origin === undefined ? {} : await this.services.credentials.read(origin);
    if (session !== this.session || this.disposed) {
      return; // Another connect, or the panel's closing, overtook this one while the secrets were read.
    }
    const plan = planConnection(request, { connectTimeoutMs: this.services.connectTimeoutMs }, stored);
    if (!plan.ok) {
      this.log.info(`${this.id}: not connecting: ${plan.notice.message}`);
      this.notify('error', plan.notice);
      return;
    }
    // What was typed is stored before it is sent: no separate Save.
    if (plan.toStore !== undefined) await this.services.credentials.write(plan.secretsOrigin, plan.toStore);
    if (session !== this.session || this.disposed) {
      return;
    }
    this.request = { ...request, headers: maskHeaderLines(request.headers) };
    if (this.request.headers !== request.headers) this.post({ type: 'headersStored', masked: this.request.headers });
    this.secrets.rememberCredentials(plan.options.credentials ?? {});
    this.secrets.rememberRequest(plan.options.url, plan.options.headers);
    this.connection?.close('user');
    this.connection = undefined;
    this.startSession();
    this.services.setTitle(plan.options.url);
    this.log.info(
      `${this.id}: connecting to ${plan.options.url} (${plan.options.method}, credentials ${request.withCredentials ? 'on' : 'off'})`,
    );
    // The recent-URL list is kept in the clear (globalState), so without its credential values.
    this.services
      .rememberUrl(redactUrlParams(plan.options.url))
      .catch((error: unknown) => this.log.warn(`Could not remember the URL: ${errorText(error)}`));
    const onChunk = (bytes: Uint8Array, t: number): undefined => {
      if (session === this.session) this.raw.add(bytes, t);
    };
    const connection = new SseConnection({ ...plan.options, onChunk }, (record) => {
      if (session === this.session && !this.disposed) {
        this.receiveRecord(record);
      }
    });
    this.connection = connection;
    this.services.trackConnection(connection);
    void connection.done.then(() => {
      if (this.connection === connection) {
        this.connection = undefined;
      }
    });
  }

  /** What export, replay and save as scenario read from the session. */
  private get outputs(): OutputSource {
    return {
      id: this.id,
      log: this.log,
      services: this.services,
      records: () => this.store.snapshot(),
      secrets: () => this.secrets.list(),
      request: () => this.request,
      notify: (level, notice) => this.notify(level, notice),
    };
  }

  private async handle(message: WebviewToExtension): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.sendState();
      case 'connect':
        return this.connect(message.request);
      case 'disconnect':
        if (this.connection === undefined) {
          this.notify('info', { message: 'Not connected.' });
        }
        this.connection?.close('user');
        return;
      case 'clear':
        this.store.clear();
        this.batcher.reset();
        this.post({ type: 'cleared' });
        return;
      case 'export':
        return exportRecords(this.outputs, message.format);
      case 'replay':
        return replayInMock(this.outputs);
      case 'saveScenario':
        return saveAsScenario(this.outputs);
      case 'details': {
        const data = this.eventData(message.seq);
        if (data !== undefined) {
          this.post({ type: 'detail', seq: message.seq, data });
        }
        return;
      }
      case 'openInEditor': {
        const data = this.eventData(message.seq);
        return data === undefined ? undefined : this.services.openInEditor(data);
      }
      case 'copy':
        return this.services.copy(message.text);
      case 'raw': {
        const snapshot = this.raw.snapshot(message.connection);
        if (snapshot === undefined) this.notify('info', { message: `Connection ${message.connection} has not opened.` });
        else this.post({ type: 'raw', snapshot });
        return;
      }
      case 'revealSecrets':
      case 'forgetSecrets':
        return this.storedSecrets(message);
      default:
        return assertNever(message);
    }
  }

  /** The whole picture, for a webview that starts from nothing. */
  private async sendState(): Promise<void> {
    if (this.disposed) {
      return;
    }
    // The oldest records come with the state; the rest follow in bounded batches, as live ones do.
    const first = this.batcher.restart();
    const state: PanelState = {
      request: this.request,
      recentUrls: this.services.recentUrls(),
      status: this.status,
      records: first.records.map((record) => toViewRecord(record)),
      dropped: first.dropped,
      maxEvents: this.store.capacity,
      received: first.received,
    };
    if (this.services.archive) state.sessionKey = this.services.archive.key;
    this.webviewReady = true;
    this.post({ type: 'state', state });
    for (const notice of this.queuedNotices.splice(0)) {
      this.post(notice);
    }
  }

  /** Brings back the records kept before a window reload; the stream is not reconnected. */
  restoreKept(loaded: LoadedSession): void {
    for (const record of loaded.records) this.batcher.add(record);
    if (loaded.records.length === 0) return;
    const lost =
      loaded.notKept > 0
        ? ` (the ${loaded.notKept} after them were not kept: a panel keeps ${ARCHIVE_BYTES / 1024 / 1024} MiB for a reload)`
        : '';
    this.notify('info', {
      message: `These ${loaded.records.length} records were received before the window reloaded${lost}; the stream was not reconnected.`,
    });
  }

  private startSession(): void {
    this.services.archive?.restart();
    this.store.clear();
    this.raw.clear();
    this.batcher.reset();
    this.corsAllowed = undefined;
    this.post({ type: 'cleared' });
    this.setStatus('connecting');
  }

  private receiveRecord(record: SseRecord): void {
    if (record.kind === 'open') this.raw.startConnection(record.connection);
    this.batcher.add(record);
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
    this.post({ type: 'status', status });
  }

  private sendBatch(batch: RecordBatch): PromiseLike<unknown> | undefined {
    return this.post({
      type: 'records',
      records: batch.records.map((record) => toViewRecord(record)),
      dropped: batch.dropped,
      received: batch.received,
    });
  }

  /**
   * Sends once the webview has been ready; before that drops it, since `ready` brings the whole state. The
   * promise settles when the webview has taken the message (or it could not be delivered).
   */
  private post(message: ExtensionToWebview): PromiseLike<unknown> | undefined {
    if (!this.webviewReady || this.disposed) {
      return undefined;
    }
    return this.webview.post(message).then(undefined, (error: unknown) => {
      // A webview closed while the message was on its way: nothing is left to tell.
      this.log.debug(`${this.id}: a ${message.type} message did not reach the webview: ${errorText(error)}`);
    });
  }

  private notify(level: Notice['level'], notice: FieldNotice): void {
    const message: Notice = { type: 'notice', level, ...notice };
    if (this.webviewReady) {
      this.post(message);
    } else if (this.queuedNotices.push(message) > MAX_QUEUED_NOTICES) {
      this.queuedNotices.shift();
    }
  }

  /** The full data of a kept event, or undefined (with a notice) when it is gone or not an event. */
  private eventData(seq: number): string | undefined {
    const record = this.store.bySeq(seq);
    if (record?.kind === 'event') {
      return record.data;
    }
    this.notify('info', {
      message:
        record === undefined
          ? `Record #${seq} is no longer kept (cleared, or dropped by the panel's record or memory limit).`
          : `Record #${seq} is not an event.`,
    });
    return undefined;
  }

  /** Shows (to the webview only) or forgets what is stored for the origin of the URL the form shows. */
  private async storedSecrets(message: Extract<WebviewToExtension, { type: 'revealSecrets' | 'forgetSecrets' }>): Promise<void> {
    const origin = secretsOrigin(message.url);
    if (origin === undefined) {
      this.notify('error', { message: 'Stored header values belong to an origin: enter an http or https URL first.', field: 'url' });
      return;
    }
    if (message.type === 'forgetSecrets') {
      await this.services.credentials.write(origin, {});
      this.notify('info', { message: `Forgot the header values stored for ${origin}.` });
      return;
    }
    const values = await this.services.credentials.read(origin);
    this.post({ type: 'secrets', url: message.url, values });
  }
}
