// A panel's way to its webview: nothing is posted before `ready` (which brings the whole state), except a few notices kept for it.
import { errorText } from '../engine/errorText';
import type { ExtensionToWebview } from '../shared/protocol';
import type { FieldNotice } from './connectPlan';
import type { SessionLog, WebviewChannel } from './sessionPorts';

/** Notices raised before the webview is listening wait for it; a few are enough to explain anything. */
export const MAX_QUEUED_NOTICES = 10;

export type Notice = Extract<ExtensionToWebview, { type: 'notice' }>;

export class WebviewOutbox {
  /**
   * True once the webview has said `ready`. A webview that is rebuilt (a window reload) says `ready` again and
   * gets the whole state, so messages posted before that may be dropped without harm.
   */
  private ready = false;
  private closed = false;
  private readonly queuedNotices: Notice[] = [];

  constructor(
    private readonly id: string,
    private readonly webview: WebviewChannel,
    private readonly log: SessionLog,
  ) {}

  /** The webview is listening: posts `state`, then the notices that waited for it. */
  opened(state: Extract<ExtensionToWebview, { type: 'state' }>): void {
    this.ready = true;
    this.post(state);
    for (const notice of this.queuedNotices.splice(0)) this.post(notice);
  }

  /** Nothing more is posted. */
  close(): void {
    this.closed = true;
  }

  /**
   * Sends once the webview has been ready; before that drops it, since `ready` brings the whole state. The
   * promise settles when the webview has taken the message (or it could not be delivered).
   */
  post(message: ExtensionToWebview): PromiseLike<unknown> | undefined {
    if (!this.ready || this.closed) {
      return undefined;
    }
    return this.webview.post(message).then(undefined, (error: unknown) => {
      // A webview closed while the message was on its way: nothing is left to tell.
      this.log.debug(`${this.id}: a ${message.type} message did not reach the webview: ${errorText(error)}`);
    });
  }

  notify(level: Notice['level'], notice: FieldNotice & Pick<Notice, 'action'>): void {
    const message: Notice = { type: 'notice', level, ...notice };
    if (this.ready) {
      this.post(message);
    } else if (this.queuedNotices.push(message) > MAX_QUEUED_NOTICES) {
      this.queuedNotices.shift();
    }
  }
}
