// A stand-in for a panel's webview and host services, for the panel session's plain-Node tests.
import type { SseConnection } from '../../../src/engine/connection';
import { PanelSession } from '../../../src/session/panelSession';
import { unpackRecords } from '../../../src/shared/packedRecords';
import type { Scenario } from '../../../src/mock/scenario/types';
import type { HeaderSecrets } from '../../../src/session/originSecrets';
import type { ConnectRequest, ExtensionToWebview } from '../../../src/shared/protocol';
import type { SseRecord } from '../../../src/shared/record';
import type { CredentialSource, SessionServices, WebviewChannel } from '../../../src/session/sessionPorts';

/** Keeps every message and the table the webview would show from them (state, records, cleared). */
export class FakeWebview implements WebviewChannel {
  readonly messages: ExtensionToWebview[] = [];
  rows: SseRecord[] = [];
  dropped = 0;
  /** What `post` answers; a test may hold answers back to play a slow webview. */
  answer: () => PromiseLike<boolean> = () => Promise.resolve(true);
  /**
   * Where the receipt for a numbered batch of records goes once `post` has answered, as the real webview says
   * `applied` once the batch is in its table; none: no receipts, a webview that never applies a batch.
   */
  session: { receive(raw: unknown): void } | undefined;
  private waiters: Array<() => void> = [];

  post(message: ExtensionToWebview): PromiseLike<boolean> {
    this.messages.push(message);
    if (message.type === 'state') {
      this.rows = [...message.state.records];
      this.dropped = message.state.dropped;
    } else if (message.type === 'records') {
      this.rows.push(...unpackRecords(message.records));
      this.dropped = message.dropped;
    } else if (message.type === 'cleared') {
      this.rows = [];
      this.dropped = 0;
    }
    for (const wake of this.waiters.splice(0)) wake();
    const answered = this.answer();
    if (message.type === 'records') {
      const batch = message.batch;
      answered.then(() => this.session?.receive({ type: 'applied', batch }));
    }
    return answered;
  }

  ofType<T extends ExtensionToWebview['type']>(type: T): Extract<ExtensionToWebview, { type: T }>[] {
    return this.messages.filter((message): message is Extract<ExtensionToWebview, { type: T }> => message.type === type);
  }

  /** Resolves once `done` holds for the webview (checked after each message); no timer, the test's own timeout bounds it. */
  async until(done: (webview: this) => boolean): Promise<void> {
    while (!done(this)) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  kinds(): string[] {
    return this.rows.map((record) => (record.kind === 'event' ? `event:${record.data}` : record.kind));
  }
}

/** Credential header values per origin in memory; `gate` (when set) holds every read until it resolves, to play a slow SecretStorage. */
export class MemoryCredentials implements CredentialSource {
  gate: Promise<void> | undefined;
  readonly writes: string[] = [];
  private readonly byOrigin = new Map<string, HeaderSecrets>();

  constructor(initial: Record<string, HeaderSecrets> = {}) {
    for (const [origin, values] of Object.entries(initial)) this.byOrigin.set(origin, { ...values });
  }

  async read(origin: string): Promise<HeaderSecrets> {
    await this.gate;
    return { ...this.byOrigin.get(origin) };
  }

  async write(origin: string, values: HeaderSecrets): Promise<void> {
    this.writes.push(origin);
    if (Object.keys(values).length === 0) this.byOrigin.delete(origin);
    else this.byOrigin.set(origin, { ...values });
  }

  /** What is stored for an origin, read without the gate. */
  peek(origin: string): HeaderSecrets | undefined {
    return this.byOrigin.get(origin);
  }
}

export interface FakeServices extends SessionServices {
  readonly logLines: string[];
  readonly connections: SseConnection[];
  readonly exports: string[];
  readonly remembered: string[];
  /** What Replay in mock server asked to serve, with the request its panel would connect with. */
  readonly replays: Array<{ scenario: Scenario; request: ConnectRequest }>;
  /** Scenario files Save as scenario wrote, with the name offered. */
  readonly scenarioFiles: Array<{ text: string; fileName: string }>;
  /** Paths openFile was asked to open. */
  readonly opened: string[];
}

export function fakeServices(overrides: Partial<SessionServices> = {}): FakeServices {
  const logLines: string[] = [];
  const connections: SseConnection[] = [];
  const exports: string[] = [];
  const remembered: string[] = [];
  const replays: FakeServices['replays'] = [];
  const scenarioFiles: FakeServices['scenarioFiles'] = [];
  const opened: string[] = [];
  const line = (level: string) => (text: string) => {
    logLines.push(`${level} ${text}`);
  };
  return {
    logLines,
    connections,
    exports,
    remembered,
    replays,
    scenarioFiles,
    opened,
    log: { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') },
    credentials: new MemoryCredentials(),
    maxEvents: 1000,
    recentUrls: () => [...remembered],
    rememberUrl: async (url) => {
      remembered.unshift(url);
    },
    trackConnection: (connection) => {
      connections.push(connection);
    },
    saveExport: async (text) => {
      exports.push(text);
      return `/tmp/export-${exports.length}.ndjson`;
    },
    replayInMock: async (scenario, requestFor) => {
      const url = `http://127.0.0.1:1/replay/${replays.length + 1}`;
      replays.push({ scenario, request: requestFor(url) });
      return { ok: true, url };
    },
    saveScenario: async (text, fileName) => {
      scenarioFiles.push({ text, fileName });
      return { ok: true, where: `/workspace/${fileName}` };
    },
    openInEditor: async () => {},
    openFile: async (path) => {
      opened.push(path);
    },
    copy: async () => {},
    setTitle: () => {},
    ...overrides,
  };
}

export function request(url: string, extra: Partial<ConnectRequest> = {}): ConnectRequest {
  return { url, withCredentials: false, origin: '', method: 'GET', headers: '', body: '', closeOn: 'end', ...extra };
}

/** A panel session posting to `webview`, which sends it the receipts for the record batches it takes. */
export function openSession(id: string, webview: FakeWebview, connectRequest: ConnectRequest, services: SessionServices): PanelSession {
  const session = new PanelSession(id, webview, connectRequest, services);
  webview.session = session;
  return session;
}
