// One inspector panel's session, without VS Code: its records, status, notices and at most one live connection.
import { SseConnection } from '../engine/connection';
import { errorText } from '../engine/errorText';
import type { ConnectionStatus, ConnectRequest, ExtensionToWebview, PanelState, WebviewToExtension } from '../shared/protocol';
import { assertNever, type SseRecord } from '../shared/record';
import { isSendableHeaderValue } from '../shared/headerLines';
import { RecordBatcher, type RecordBatch } from './batcher';
import { planConnection, type FieldNotice } from './connectPlan';
import { formatExport } from './exportRecords';
import { lifecycleLogLine } from './lifecycleLog';
import { RecordStore } from './recordStore';
import { statusAfter } from './sessionStatus';
import type { SessionInfo, SessionLog, SessionServices, WebviewChannel } from './sessionPorts';
import { SessionSecrets } from './sessionSecrets';
import { redactUrlParams } from '../shared/redact';
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
    const plan = planConnection(request, { connectTimeoutMs: this.services.connectTimeoutMs });
    if (!plan.ok) {
      this.log.info(`${this.id}: not connecting: ${plan.notice.message}`);
      this.notify('error', plan.notice);
      return;
    }
    const session = ++this.session;
    // Only with "Send credentials" on do the secrets leave their store at all.
    const credentials = request.withCredentials ? await this.services.credentials.read() : {};
    if (session !== this.session || this.disposed) {
      return; // Another connect, or the panel's closing, overtook this one while the secrets were read.
    }
    this.secrets.rememberCredentials(credentials);
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
    const connection = new SseConnection({ ...plan.options, credentials }, (record) => {
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
        return this.exportRecords(message.format);
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
      case 'saveCredentials':
        return this.saveCredentials(message.cookie, message.authorization);
      case 'clearCredentials':
        await this.services.credentials.clear();
        this.notify('info', { message: 'The stored credentials were removed.' });
        return this.sendCredentialsStored();
      default:
        return assertNever(message);
    }
  }

  /** The whole picture, for a webview that starts from nothing. */
  private async sendState(): Promise<void> {
    const hasStoredCredentials = await this.services.credentials.has();
    if (this.disposed) {
      return;
    }
    // The oldest records come with the state; the rest follow in bounded batches, as live ones do.
    const first = this.batcher.restart();
    const state: PanelState = {
      request: this.request,
      recentUrls: this.services.recentUrls(),
      hasStoredCredentials,
      status: this.status,
      records: first.records.map((record) => toViewRecord(record)),
      dropped: first.dropped,
      maxEvents: this.store.capacity,
      received: first.received,
    };
    this.webviewReady = true;
    this.post({ type: 'state', state });
    for (const notice of this.queuedNotices.splice(0)) {
      this.post(notice);
    }
  }

  private startSession(): void {
    this.store.clear();
    this.batcher.reset();
    this.corsAllowed = undefined;
    this.post({ type: 'cleared' });
    this.setStatus('connecting');
  }

  private receiveRecord(record: SseRecord): void {
    this.batcher.add(record);
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

  private async exportRecords(format: 'ndjson' | 'json'): Promise<void> {
    const records = this.store.snapshot();
    if (records.length === 0) {
      this.notify('info', { message: 'There are no records to export yet.' });
      return;
    }
    // Every value used in the session, and the stored ones: needed only to find and blank them, should a server have echoed one.
    const text = formatExport(records, format, this.secrets.list(await this.services.credentials.read()));
    const target = await this.services.saveExport(text, format);
    if (target !== undefined) {
      this.log.info(`${this.id}: exported ${records.length} records to ${target}`);
      this.notify('info', { message: `Exported ${records.length} records to ${target}.` });
    }
  }

  private async saveCredentials(cookie: string, authorization: string): Promise<void> {
    for (const [name, value] of [
      ['Cookie', cookie],
      ['Authorization', authorization],
    ] as const) {
      if (!isSendableHeaderValue(value.trim())) {
        this.notify('error', {
          message: `The ${name} value has characters an HTTP header cannot carry (control characters, or beyond Latin-1). Nothing was saved.`,
        });
        return this.sendCredentialsStored();
      }
    }
    await this.services.credentials.save({ cookie, authorization });
    this.notify('info', { message: 'Credentials saved in VS Code\'s secret storage; they are sent only with "Send credentials" on.' });
    return this.sendCredentialsStored();
  }

  /** The form's "stored" indicator follows what the secret storage really holds, whatever became of a save. */
  private async sendCredentialsStored(): Promise<void> {
    const stored = await this.services.credentials.has();
    if (!this.disposed) this.post({ type: 'credentials', stored });
  }
}
