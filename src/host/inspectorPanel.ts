// One inspector panel: a webview, the store of its session's records, and at most one live connection.
import * as vscode from 'vscode';
import type { ConnectionStatus, ConnectRequest, ExtensionToWebview, PanelState, WebviewToExtension } from '../shared/protocol';
import { SseConnection } from '../engine/connection';
import { assertNever, type SseRecord } from '../shared/record';
import type { PanelInfo, RenderedTable } from './testApiTypes';
import { RecordBatcher, type RecordBatch } from '../session/batcher';
import { planConnection, type FieldNotice } from '../session/connectPlan';
import type { CredentialStore } from './credentialStore';
import { Disposable } from './dispose';
import { errorText } from '../engine/errorText';
import { isSendableHeaderValue } from '../shared/headerLines';
import { newNonce, panelHtml } from './html';
import { lifecycleLogLine } from '../session/lifecycleLog';
import { PendingProbes } from './pendingProbes';
import { RecordStore } from '../session/recordStore';
import { saveExport } from './saveExport';
import { statusAfter } from '../session/sessionStatus';
import { panelTitle } from './panelTitle';
import { validateWebviewMessage } from '../session/validate';
import { toViewRecord } from '../session/viewCopy';

export const PANEL_VIEW_TYPE = 'sseInspector.panel';
const PROBE_TIMEOUT_MS = 10_000;
/** Notices raised before the webview is listening wait for it; a few are enough to explain anything. */
const MAX_QUEUED_NOTICES = 10;

/** What a panel needs from the extension around it. */
export interface PanelServices {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly credentials: CredentialStore;
  readonly maxEvents: number;
  recentUrls(): string[];
  rememberUrl(url: string): Promise<void>;
  /** Counts the connection as live until its `done` settles. */
  trackConnection(connection: SseConnection): void;
}

type Notice = Extract<ExtensionToWebview, { type: 'notice' }>;

/** The webview's options: scripts on, files only from the bundle folder. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
}

export class InspectorPanel extends Disposable {
  private request: ConnectRequest;
  private status: ConnectionStatus = 'idle';
  private readonly store: RecordStore;
  private readonly batcher: RecordBatcher;
  private connection: SseConnection | undefined;
  /** Bumped by every connect: records from a superseded connection are ignored. */
  private session = 0;
  /**
   * True once the webview has said `ready`. A hidden webview is torn down and a shown one rebuilt, and
   * every rebuilt webview says `ready` again and gets the whole state; so messages posted meanwhile
   * may be lost without harm, and no visibility needs tracking.
   */
  private webviewReady = false;
  private readonly queuedNotices: Notice[] = [];
  private readonly probes: PendingProbes;
  /** The CORS verdict on the session's latest open record, if a page origin was given. */
  private corsAllowed: boolean | undefined;

  constructor(
    readonly id: string,
    private readonly panel: vscode.WebviewPanel,
    request: ConnectRequest,
    private readonly services: PanelServices,
    onDisposed: (panel: InspectorPanel) => void,
  ) {
    super();
    this.request = request;
    this.store = new RecordStore(services.maxEvents);
    this.batcher = new RecordBatcher(this.store, (batch) => this.sendBatch(batch));
    this.probes = new PendingProbes(PROBE_TIMEOUT_MS, `Panel ${id}'s webview did not answer a probe within ${PROBE_TIMEOUT_MS / 1000} s`);

    this.register({ dispose: () => onDisposed(this) });
    this.register(panel);
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register(panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)));
    this.register({ dispose: () => this.probes.rejectAll(new Error(`Panel ${id} was closed before its webview answered the probe`)) });
    this.register(this.batcher);
    // Registered last so it runs first: a closed panel aborts its connection.
    this.register({ dispose: () => this.connection?.close('user') });

    panel.title = panelTitle(request.url);
    panel.webview.html = this.renderHtml();
  }

  info(): PanelInfo {
    const info: PanelInfo = { id: this.id, status: this.status, request: { ...this.request } };
    if (this.corsAllowed !== undefined) {
      info.corsAllowed = this.corsAllowed;
    }
    return info;
  }

  /** Closes the panel as the user would. */
  close(): void {
    this.panel.dispose();
  }

  /**
   * Starts a new session: the table is cleared and the old connection (if any) closed, since seq
   * and time restart with each connection. A request with a problem changes nothing but the notice.
   */
  async connect(request: ConnectRequest): Promise<void> {
    this.request = request;
    const plan = planConnection(request);
    if (!plan.ok) {
      this.services.log.info(`${this.id}: not connecting: ${plan.notice.message}`);
      this.notify('error', plan.notice);
      return;
    }
    const session = ++this.session;
    // Only with "Send credentials" on do the secrets leave SecretStorage at all.
    const credentials = request.withCredentials ? await this.services.credentials.read() : {};
    if (session !== this.session || this.isDisposed) {
      return; // Another connect, or the panel's closing, overtook this one while the secrets were read.
    }
    this.connection?.close('user');
    this.connection = undefined;
    this.startSession();
    this.panel.title = panelTitle(plan.options.url);
    this.services.log.info(
      `${this.id}: connecting to ${plan.options.url} (${plan.options.method}, credentials ${request.withCredentials ? 'on' : 'off'})`,
    );
    this.services.rememberUrl(plan.options.url).catch((error: unknown) => this.services.log.warn(`Could not remember the URL: ${errorText(error)}`));
    const connection = new SseConnection({ ...plan.options, credentials }, (record) => {
      if (session === this.session && !this.isDisposed) {
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

  /**
   * Asks the webview what it rendered. A hidden panel's webview is retained and answers as it is; one that was
   * hidden before it ever loaded is shown once (without focus), and its `ready` sends every probe still waiting.
   */
  probe(): Promise<RenderedTable> {
    if (this.isDisposed) {
      return Promise.reject(new Error(`Panel ${this.id} is closed`));
    }
    const { nonce, answer } = this.probes.start();
    if (!this.webviewReady && !this.panel.visible) {
      this.panel.reveal(undefined, true);
    }
    this.post({ type: 'probe', nonce });
    return answer;
  }

  private renderHtml(): string {
    const dist = vscode.Uri.joinPath(this.services.extensionUri, 'dist');
    const webview = this.panel.webview;
    return panelHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
      nonce: newNonce(),
    });
  }

  private receive(raw: unknown): void {
    const checked = validateWebviewMessage(raw);
    if (!checked.ok) {
      this.services.log.warn(`${this.id}: ignored a message from the webview: ${checked.problem}`);
      return;
    }
    this.handle(checked.message).catch((error: unknown) => {
      this.services.log.error(`${this.id}: ${checked.message.type} failed: ${errorText(error)}`);
      this.notify('error', { message: `${checked.message.type} failed: ${errorText(error)}` });
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
      case 'openInEditor':
        return this.openInEditor(message.seq);
      case 'copy':
        return vscode.env.clipboard.writeText(message.text);
      case 'saveCredentials':
        return this.saveCredentials(message.cookie, message.authorization);
      case 'clearCredentials':
        await this.services.credentials.clear();
        this.notify('info', { message: 'The stored credentials were removed.' });
        return this.sendCredentialsStored();
      case 'probeReport':
        if (!this.probes.settle(message.nonce, { rowCount: message.rowCount, rowKeys: message.rowKeys, renderedRows: message.renderedRows })) {
          this.services.log.warn(`${this.id}: a probe report answered no pending probe`);
        }
        return;
      default:
        return assertNever(message);
    }
  }

  /** The whole picture, for a webview that starts from nothing. */
  private async sendState(): Promise<void> {
    const hasStoredCredentials = await this.services.credentials.has();
    if (this.isDisposed) {
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
    };
    this.webviewReady = true;
    this.post({ type: 'state', state });
    for (const notice of this.queuedNotices.splice(0)) {
      this.post(notice);
    }
    for (const nonce of this.probes.nonces()) {
      this.post({ type: 'probe', nonce });
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
    this.logLifecycle(record);
  }

  private logLifecycle(record: SseRecord): void {
    const line = lifecycleLogLine(record);
    if (line !== undefined) {
      this.services.log[line.level](`${this.id}: ${line.text}`);
    }
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.post({ type: 'status', status });
  }

  private sendBatch(batch: RecordBatch): void {
    this.post({ type: 'records', records: batch.records.map((record) => toViewRecord(record)), dropped: batch.dropped });
  }

  /** Sends once the webview has been ready; before that drops it, since `ready` brings the whole state. */
  private post(message: ExtensionToWebview): void {
    if (this.webviewReady && !this.isDisposed) {
      this.panel.webview.postMessage(message).then(undefined, (error: unknown) => {
        // A webview closed while the message was on its way: nothing is left to tell.
        this.services.log.debug(`${this.id}: a ${message.type} message did not reach the webview: ${errorText(error)}`);
      });
    }
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
      message: record === undefined ? `Record #${seq} is no longer kept (cleared, or dropped by the ${this.store.capacity} record limit).` : `Record #${seq} is not an event.`,
    });
    return undefined;
  }

  private async openInEditor(seq: number): Promise<void> {
    const data = this.eventData(seq);
    if (data === undefined) {
      return;
    }
    const document = await vscode.workspace.openTextDocument({ content: data, language: parsesAsJson(data) ? 'json' : 'plaintext' });
    // Beside the panel: in its place the panel would be hidden, and its webview torn down.
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }

  private async exportRecords(format: 'ndjson' | 'json'): Promise<void> {
    const records = this.store.snapshot();
    if (records.length === 0) {
      this.notify('info', { message: 'There are no records to export yet.' });
      return;
    }
    // The values are needed only to find and blank them, should a server have echoed one back.
    const target = await saveExport(records, format, await this.services.credentials.read());
    if (target !== undefined) {
      this.services.log.info(`${this.id}: exported ${records.length} records to ${target.toString(true)}`);
      this.notify('info', { message: `Exported ${records.length} records to ${target.fsPath}.` });
    }
  }

  private async saveCredentials(cookie: string, authorization: string): Promise<void> {
    for (const [name, value] of [['Cookie', cookie], ['Authorization', authorization]] as const) {
      if (!isSendableHeaderValue(value.trim())) {
        this.notify('error', { message: `The ${name} value has characters an HTTP header cannot carry (control characters, or beyond Latin-1). Nothing was saved.` });
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
    if (!this.isDisposed) this.post({ type: 'credentials', stored });
  }
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
