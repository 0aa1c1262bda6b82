// The pane under the table that shows one record in full: data (foldable when JSON), headers, errors, copy buttons.

import type { WebviewToExtension } from '../src/shared/protocol';
import type { EventRecord, OpenRecord, SseRecord } from '../src/shared/record';
import { assertNever } from '../src/shared/record';
import { button, h } from './dom';
import { dataView, facts, headerLines, headersTable, section, type Fact } from './detailParts';
import { formatBytes, formatCount, formatDelta, formatSeconds, formatWallClock } from './format';
import { visibleBlock } from '../src/shared/visibleText';
import { badgeKind, closeReasonText, isSelfExplained, typeLabel } from './recordText';
import { errorView, requestView } from './requestDetails';

export class DetailPane {
  readonly element: HTMLElement;
  private readonly title = h('div', { className: 'detail-title' });
  private readonly actions = h('div', { className: 'detail-actions' });
  private readonly content = h('div', { className: 'detail-content' });
  private shown: SseRecord | undefined;

  constructor(
    private readonly post: (message: WebviewToExtension) => void,
    onClose: () => void,
  ) {
    const close = button('', { icon: 'close', title: 'Close details (Escape)' });
    close.addEventListener('click', onClose);
    this.element = h('section', { className: 'detail', attrs: { 'aria-label': 'Record details' } }, [
      // Title and tools wrap onto two lines in a narrow pane rather than overlap.
      h('div', { className: 'detail-header' }, [this.title, h('div', { className: 'detail-tools' }, [this.actions, close])]),
      this.content,
    ]);
    this.element.hidden = true;
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  show(record: SseRecord): void {
    this.shown = record;
    this.element.hidden = false;
    this.title.replaceChildren(
      h('span', { className: 'detail-seq', text: `#${record.seq}` }),
      h('span', { className: `badge badge-${badgeKind(record)}`, text: typeLabel(record) }),
      h('span', { className: 'detail-time', text: formatSeconds(record.t), title: formatWallClock(record.at) }),
    );
    this.actions.replaceChildren();
    this.content.replaceChildren();
    this.content.scrollTop = 0;
    switch (record.kind) {
      case 'event':
        this.showEvent(record);
        break;
      case 'open':
        this.showOpen(record);
        break;
      case 'error':
        this.content.append(...errorView(record));
        if (record.body !== undefined && record.body !== '') this.addCopyButton('Copy body', () => record.body ?? '');
        break;
      case 'reconnect':
        this.content.append(
          facts([
            ['Attempt', String(record.attempt)],
            ['Delay', `${record.delayMs} ms`],
            ['Last-Event-ID sent', record.lastEventId || '(none)'],
          ]),
        );
        break;
      case 'closed':
        this.content.append(
          // A message that names its reason in full stands alone: not "closed by you" over "Closed by the user".
          facts(
            record.message && isSelfExplained(record.reason)
              ? [['Reason', record.message]]
              : [['Reason', closeReasonText(record.reason)], ...(record.message ? [['Details', record.message] as Fact] : [])],
          ),
        );
        break;
      case 'comment':
        this.content.append(h('pre', { className: 'detail-text', text: visibleBlock(record.text) }));
        break;
      case 'ignored':
        this.content.append(
          facts([
            ['Why ignored', record.reason],
            ...(record.lineBytes === undefined
              ? []
              : [['Line size', `${record.lineBytes} bytes; the first ${record.line.length} characters shown`] as Fact]),
          ]),
          h('pre', { className: 'detail-text', text: visibleBlock(record.line) }),
        );
        break;
      case 'retry':
        this.content.append(facts([['Reconnection time', `${record.ms} ms`]]));
        break;
      default:
        assertNever(record);
    }
    this.addCopyButton('Copy record', () => JSON.stringify(record, null, 2));
  }

  /** The whole data of a clipped event, answering the `details` request. */
  receiveDetail(seq: number, data: string): void {
    const record = this.shown;
    if (!this.isOpen || record?.kind !== 'event' || record.seq !== seq) return;
    const whole: EventRecord = { ...record, data };
    delete whole.truncated;
    this.show(whole);
  }

  close(): void {
    this.element.hidden = true;
    this.shown = undefined;
    this.title.replaceChildren();
    this.actions.replaceChildren();
    this.content.replaceChildren();
  }

  private showEvent(record: EventRecord): void {
    this.content.append(
      facts([
        ['Type', record.type],
        ['ID', record.id ?? '(none)'],
        ['Last event ID', record.lastEventId || '(empty)'],
        ['Size', `${formatBytes(record.size)} (${formatCount(record.size)} bytes)`],
        ['Received', `${formatSeconds(record.t)} after connect, ${formatWallClock(record.at)}`],
        ['Since previous', record.dt === null ? '(first event)' : formatDelta(record.dt)],
      ]),
    );
    const openInEditor = button('Open in editor', {
      icon: 'go-to-file',
      title: 'Open in editor: the whole data, formatted, beside the panel',
    });
    openInEditor.addEventListener('click', () => this.post({ type: 'openInEditor', seq: record.seq }));
    this.actions.append(openInEditor);
    if (record.truncated) {
      // Copying the clipped text would mislead, so copying waits for the whole data.
      this.post({ type: 'details', seq: record.seq });
      this.content.append(
        h('div', { className: 'detail-note', text: `Loading the whole data (${formatBytes(record.size)})…` }),
        h('pre', { className: 'detail-text', text: visibleBlock(record.data) }),
      );
      return;
    }
    this.addCopyButton('Copy data', () => record.data);
    this.content.append(dataView(record.data));
  }

  private showOpen(record: OpenRecord): void {
    const cors: Fact[] = record.cors
      ? [
          [
            'CORS',
            `${record.cors.allowed ? 'allowed' : 'blocked'} for ${record.cors.origin} with credentials ${record.cors.withCredentials ? 'on' : 'off'}: ${record.cors.reason}`,
          ],
        ]
      : [];
    this.content.append(
      facts([
        ['Status', String(record.status)],
        ['URL', record.url],
        ['Connection', String(record.connection)],
        ['Headers after', `${record.ttfbMs} ms`],
        ...cors,
      ]),
      section('Response headers'),
      headersTable(record.headers, 'Response headers'),
      ...(record.request === undefined ? [] : requestView(record.request)),
    );
    this.addCopyButton('Copy headers', () => headerLines(record.headers));
  }

  private addCopyButton(label: string, text: () => string): void {
    const copy = button(label, { icon: 'copy', title: label });
    copy.addEventListener('click', () => this.post({ type: 'copy', text: text() }));
    this.actions.append(copy);
  }
}
