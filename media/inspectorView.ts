// The whole inspector UI: builds form, toolbar, session picker, timeline, table, detail pane, side views and stats around the
// view's records, wires them to each other, and routes each of the extension's messages to the part it is for.

import type { PanelState, ReceivedTotals, WebviewToExtension } from '../src/shared/protocol';
import type { SseRecord } from '../src/shared/record';
import { assertNever } from '../src/shared/record';
import { ConnectionForm } from './connectionForm';
import { DetailPane } from './detailPane';
import { DiagnosticsStrip } from './diagnostics';
import { h } from './dom';
import { emptyTableText, statsLineView } from './statusLine';
import { NoticeBanner } from './noticeBanner';
import { compileFilter } from './rowFilter';
import { TableModel } from './tableModel';
import { Toolbar } from './toolbar';
import { SavedUiState } from './savedUiState';
import type { ExtensionChannel } from './vscodeApi';
import { VirtualTable } from './virtualTable';
import type { ViewMessage } from './batchFeeder';
import { AssembledPane } from './assembledPane';
import { shownSeqRanges } from './seqRanges';
import { RawView } from './rawView';
import { Timeline } from './timeline';
import { ShownSession } from './shownSession';
import { ViewRecords } from './viewRecords';

export class InspectorView {
  private readonly records = new ViewRecords();
  private readonly model: TableModel;
  private readonly table: VirtualTable;
  private readonly form: ConnectionForm;
  private readonly toolbar: Toolbar;
  private readonly detail: DetailPane;
  // The only action so far is Open after an export; the extension knows which file (the webview never names a path).
  private readonly banner = new NoticeBanner(() => this.channel.post({ type: 'openExported' }));
  private readonly assembled: AssembledPane;
  private readonly rawView: RawView;
  private readonly timeline: Timeline;
  private readonly session: ShownSession;
  private readonly diagnostics = new DiagnosticsStrip();
  private readonly statsLine = h('div', { className: 'stats', attrs: { 'aria-live': 'off' } });
  private readonly uiState: SavedUiState;
  private chromeFrame = 0;

  constructor(
    root: HTMLElement,
    private readonly channel: ExtensionChannel,
  ) {
    this.uiState = new SavedUiState(channel);
    const post = (message: WebviewToExtension): void => {
      // Remember what was asked for, so the panel comes back with it after a window reload.
      if (message.type === 'connect') {
        this.uiState.save({ request: message.request });
        // A banner about a finished action (an export, a notice) belongs to the session it was about.
        this.banner.hide();
      }
      channel.post(message);
    };
    this.form = new ConnectionForm(post);
    this.toolbar = new Toolbar(this.uiState.filter, {
      filterChanged: () => this.applyFilter(),
      pauseChanged: (paused) => {
        this.table.setPaused(paused);
        this.toolbar.setPaused(paused);
        this.scheduleChrome();
      },
      clear: () => post({ type: 'clear' }),
      exportAs: (format, filtered) => post({ type: 'export', format, ...(filtered ? { rows: shownSeqRanges(this.model) } : {}) }),
      replay: () => post({ type: 'replay' }),
      saveScenario: () => post({ type: 'saveScenario' }),
      toggleReply: () => this.assembled.toggle(),
      toggleRaw: () => this.showRaw(this.rawView.element.hidden),
      toggleTimeline: () => this.setTimelineShown(!this.uiState.state.timeline),
    });
    this.rawView = new RawView({
      request: (connection) => post({ type: 'raw', connection }),
      close: () => this.showRaw(false),
    });
    this.assembled = new AssembledPane(this.records, this.uiState.state, {
      save: (change) => this.uiState.save(change),
      changed: () => this.scheduleChrome(),
      shown: (shown) => this.toolbar.setReplyShown(shown),
      copy: (text) => post({ type: 'copy', text }),
    });
    const filter = compileFilter(this.toolbar.filterSettings, (record) => this.records.chips.keyOf(record));
    this.toolbar.setFilterError(filter.error);
    this.model = new TableModel(this.records.ring, filter.test);
    this.detail = new DetailPane(post, () => this.closeDetail());
    this.table = new VirtualTable(
      this.model,
      {
        select: (position) => {
          this.timeline.setSelected(position);
          if (this.detail.isOpen) this.openDetail(position);
        },
        open: (position) => this.openDetail(position),
        close: () => this.closeDetail(),
        columnsResized: (widths) => this.uiState.save({ resizedColumns: widths }),
      },
      this.uiState.state.resizedColumns,
    );
    this.timeline = new Timeline(this.records.ring, {
      // As a click on the row does: select it, show its details, and leave the keyboard in the table.
      pick: (position) => {
        if (this.table.reveal(position)) this.timeline.setSelected(position);
        this.openDetail(position);
        this.table.focus();
      },
      isShown: (position) => this.model.rowOf(position) >= 0,
    });
    this.setTimelineShown(this.uiState.state.timeline);
    this.session = new ShownSession(this.timeline, {
      show: (session) => post({ type: 'showSession', session }),
      compare: (session) => post({ type: 'compareSession', session }),
    });
    this.detail.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.closeDetail();
    });
    root.replaceChildren(
      h('div', { className: 'inspector' }, [
        this.form.element,
        this.banner.element,
        this.toolbar.element,
        this.diagnostics.element,
        this.session.bar.element,
        this.timeline.element,
        h('div', { className: 'workspace' }, [
          // Two boxes: .main is the size container whose width puts the details below or beside the table.
          h('div', { className: 'main' }, [h('div', { className: 'main-split' }, [this.table.element, this.detail.element])]),
          this.assembled.element,
        ]),
        this.rawView.element,
        this.statsLine,
      ]),
    );
    this.table.setHighlighter(this.toolbar.highlighter());
    // Elapsed time and the events-per-second window move even when no record arrives.
    setInterval(() => {
      this.renderStats();
      this.timeline.tick();
    }, 1000);
    this.scheduleChrome();
  }

  handle(message: ViewMessage): void {
    switch (message.type) {
      case 'state':
        this.loadState(message.state);
        break;
      case 'records':
        this.append(message.records, message.dropped, message.received);
        break;
      case 'status':
        this.session.setLiveStatus(message.status);
        this.form.setStatus(message.status);
        // An ending connection has its last bytes to show (a new session's `cleared` empties the Raw view).
        if (message.status !== 'open' && message.status !== 'connecting') this.rawView.refresh();
        this.scheduleChrome();
        break;
      case 'sessions':
        this.session.showList(message.list);
        this.scheduleChrome();
        break;
      case 'compare':
        this.session.compare(message.track);
        break;
      case 'cleared':
        // The Clear button empties the table, but a connection still open is still described by its diagnostics.
        this.clearRecords(message.by === 'user' && this.session.live !== 'closed' && this.session.live !== 'idle');
        // Another session shown (or a new one): its connections are numbered from 1.
        if (message.by === undefined) this.rawView.clear();
        break;
      case 'run':
        this.form.connect();
        break;
      case 'panelName':
        this.uiState.save({ panelName: message.name });
        break;
      case 'headersStored':
        this.form.headersStored(message.masked);
        break;
      case 'secrets':
        this.form.showSecrets(message.url, message.values);
        break;
      case 'notice':
        if (message.field) this.form.showNotice(message.field, message.level, message.message);
        else this.banner.show(message.level, message.message, message.action);
        break;
      case 'detail':
        this.detail.receiveDetail(message.seq, message.data);
        break;
      case 'raw':
        this.rawView.receive(message.snapshot);
        break;
      default:
        assertNever(message);
    }
  }

  private loadState(state: PanelState): void {
    this.form.setRequest(state.request);
    this.uiState.save({ request: state.request, sessionKey: state.sessionKey });
    this.form.setRecentUrls(state.recentUrls);
    this.session.setLiveStatus(state.status);
    this.form.setStatus(state.status);
    this.records.maxEvents = state.maxEvents;
    this.clearRecords();
    this.append(state.records, state.dropped, state.received);
  }

  private append(records: SseRecord[], dropped: number, received: ReceivedTotals | undefined): void {
    const from = this.records.append(records, dropped, received, (record, position) => {
      if (record.kind === 'open') this.rawView.noteConnection(record.connection);
      this.timeline.add(record, position);
    });
    this.table.rowsChanged(this.model.sync(from));
    this.scheduleChrome();
  }

  private clearRecords(keepDiagnostics = false): void {
    this.records.clear(keepDiagnostics);
    this.model.reset();
    this.timeline.reset();
    this.closeDetail();
    this.table.reset();
    this.scheduleChrome();
  }

  private applyFilter(): void {
    const settings = this.toolbar.filterSettings;
    const filter = compileFilter(settings, (record) => this.records.chips.keyOf(record));
    this.toolbar.setFilterError(filter.error);
    this.table.setHighlighter(this.toolbar.highlighter());
    this.model.refilter(filter.test);
    this.table.refiltered();
    this.uiState.saveFilter(settings);
    this.scheduleChrome();
  }

  private setTimelineShown(shown: boolean): void {
    this.uiState.save({ timeline: shown });
    this.timeline.setCollapsed(!shown);
    this.toolbar.setTimelineShown(shown);
  }

  private showRaw(shown: boolean): void {
    this.rawView.element.hidden = !shown;
    this.toolbar.setRawShown(shown);
    this.rawView.refresh();
  }

  private openDetail(position: number): void {
    const record = this.records.ring.at(position);
    if (record) this.detail.show(record);
  }

  private closeDetail(): void {
    if (!this.detail.isOpen) return;
    this.detail.close();
    this.table.focus();
  }

  /** Chips, stats, diagnostics and the empty-table note follow the data, redrawn at most once a frame. */
  private scheduleChrome(): void {
    if (this.chromeFrame !== 0) return;
    this.chromeFrame = requestAnimationFrame(() => {
      this.chromeFrame = 0;
      this.toolbar.setChips(this.records.chips.list());
      this.diagnostics.show(this.records.latestOpen, () => this.records.stats.timing.verdict());
      this.assembled.render();
      this.renderStats();
      this.table.setEmptyText(emptyTableText(this.session.status, this.records.ring.length, this.form.hasUrl));
      this.toolbar.setMatchCount(this.model.length, this.records.ring.length);
    });
  }

  private renderStats(): void {
    this.statsLine.replaceChildren(
      ...statsLineView(this.records.stats, {
        status: this.session.status,
        paused: this.table.isPaused,
        dropped: this.records.dropped,
        maxEvents: this.records.maxEvents,
      }),
    );
  }
}
