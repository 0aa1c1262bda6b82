// The webview's requests that read what a panel keeps and answer them: an event's whole data (details, editor), a
// connection's raw bytes, export and its Open, replay, save as scenario, copy, and the stored secrets shown or forgotten.
import type { WebviewToExtension } from '../shared/protocol';
import { assertNever } from '../shared/record';
import type { KeptSessions } from './keptSessions';
import { replayInMock, saveAsScenario, type OutputSource } from './recordOutputs';
import { exportRows } from './sessionExport';
import type { SessionLog, SessionServices } from './sessionPorts';
import type { SessionSecrets } from './sessionSecrets';
import { answerStoredSecrets } from './storedSecrets';
import type { WebviewOutbox } from './webviewOutbox';

/** The messages answered here; the others start, end, clear or switch sessions (PanelSession). */
export type PanelRequest = Extract<
  WebviewToExtension,
  {
    type:
      | 'export'
      | 'openExported'
      | 'replay'
      | 'saveScenario'
      | 'details'
      | 'openInEditor'
      | 'copy'
      | 'raw'
      | 'revealSecrets'
      | 'forgetSecrets';
  }
>;

/** What the requests read and answer through: the panel session's own parts. */
export interface RequestContext {
  readonly id: string;
  readonly log: SessionLog;
  readonly services: SessionServices;
  readonly outbox: WebviewOutbox;
  /** The requests read the shown session. */
  readonly sessions: KeptSessions;
  /** Every credential the session has used: blanked in exports, replays and scenarios. */
  readonly secrets: SessionSecrets;
}

export class PanelRequests {
  /** The file the last export wrote, for the banner's Open. */
  private exported: string | undefined;

  constructor(private readonly context: RequestContext) {}

  async answer(message: PanelRequest): Promise<void> {
    const { services, outbox, sessions } = this.context;
    switch (message.type) {
      case 'export':
        return this.exportRecords(message);
      case 'openExported':
        return this.exported === undefined ? undefined : services.openFile(this.exported);
      case 'replay':
        return replayInMock(this.outputs);
      case 'saveScenario':
        return saveAsScenario(this.outputs);
      case 'details': {
        const data = this.eventData(message.seq);
        if (data !== undefined) {
          outbox.post({ type: 'detail', seq: message.seq, data });
        }
        return;
      }
      case 'openInEditor': {
        const data = this.eventData(message.seq);
        return data === undefined ? undefined : services.openInEditor(data);
      }
      case 'copy':
        return services.copy(message.text);
      case 'raw': {
        const snapshot = sessions.shown.raw.snapshot(message.connection);
        if (snapshot === undefined) outbox.notify('info', { message: `Connection ${message.connection} has not opened.` });
        else outbox.post({ type: 'raw', snapshot });
        return;
      }
      case 'revealSecrets':
      case 'forgetSecrets':
        return answerStoredSecrets(message, services.credentials).then((reply) =>
          'secrets' in reply ? void outbox.post(reply.secrets) : outbox.notify(reply.level, reply.notice),
        );
      default:
        return assertNever(message);
    }
  }

  /** What export, replay and save as scenario read from the session. */
  private get outputs(): OutputSource {
    const { id, log, services, outbox, sessions, secrets } = this.context;
    return {
      id,
      log,
      services,
      records: () => sessions.shown.store.snapshot(),
      secrets: () => secrets.list(),
      request: () => sessions.shown.request,
      notify: (level, notice) => outbox.notify(level, notice),
    };
  }

  /** The full data of a kept event, or undefined (with a notice) when it is gone or not an event. */
  private eventData(seq: number): string | undefined {
    const record = this.context.sessions.shown.store.bySeq(seq);
    if (record?.kind === 'event') {
      return record.data;
    }
    this.context.outbox.notify('info', {
      message:
        record === undefined
          ? `Record #${seq} is no longer kept (cleared, or dropped by the panel's record or memory limit).`
          : `Record #${seq} is not an event.`,
    });
    return undefined;
  }

  private async exportRecords(message: Extract<PanelRequest, { type: 'export' }>): Promise<void> {
    const { id, log, services, outbox, sessions, secrets } = this.context;
    const kept = sessions.shown.store.snapshot();
    // Every value sent in the session (a server may echo one), needed only to find and blank them.
    const outcome = await exportRows(kept, message.format, message.rows, secrets.list(), services.saveExport);
    if (outcome === undefined) return;
    if (outcome.target !== undefined) {
      this.exported = outcome.target;
      log.info(`${id}: ${outcome.message}`);
    }
    outbox.notify('info', { message: outcome.message, ...(outcome.target === undefined ? {} : { action: 'openExport' as const }) });
  }
}
