// The whole inspector UI: owns the view's records and wires form, toolbar, table, detail pane and stats to the extension's messages.

import type { ConnectionStatus, PanelState, ReceivedTotals, WebviewToExtension } from '../src/shared/protocol';
import type { OpenRecord, SseRecord } from '../src/shared/record';
import { assertNever } from '../src/shared/record';
import { ConnectionForm } from './connectionForm';
import { DetailPane } from './detailPane';
import { diagnose, diagnosticsView } from './diagnostics';
import { h } from './dom';
import { emptyTableText, statsLineView } from './statusLine';
import { isLive } from '../src/shared/connectionStatus';
import { NoticeBanner } from './noticeBanner';
import { RecordRing } from './recordRing';
import { compileFilter } from './rowFilter';
import { StreamStats } from './streamStats';
import { TableModel } from './tableModel';
import { Toolbar } from './toolbar';
import { TypeChips } from './typeChips';
import type { UiState } from './uiState';
import type { ExtensionChannel } from './vscodeApi';
import { VirtualTable } from './virtualTable';
import type { ViewMessage } from './batchFeeder';
import { redactRequest } from '../src/shared/redact';
import { AssembledView } from './assembledView';
import { shownSeqRanges } from './seqRanges';
import { ReplyTracker } from './replyTracker';
import { RawView } from './rawView';
import { Timeline } from './timeline';
import { SessionBar } from './sessionBar';

/** Until the first `state` says otherwise; the same default as the sseInspector.maxEvents setting. */
const DEFAULT_MAX_EVENTS = 100_000;

export class InspectorView {
  private readonly ring = new RecordRing(DEFAULT_MAX_EVENTS);
  private readonly chips = new TypeChips();
  private readonly stats = new StreamStats();
  private readonly model: TableModel;
  private readonly table: VirtualTable;
  private readonly form: ConnectionForm;
  private readonly toolbar: Toolbar;
  private readonly detail: DetailPane;
  // The only action so far is Open after an export; the extension knows which file (the webview never names a path).
  private readonly banner = new NoticeBanner(() => this.channel.post({ type: 'openExported' }));
  private readonly reply = new ReplyTracker();
  private readonly assembled: AssembledView;
  private readonly rawView: RawView;
  private readonly timeline: Timeline;
  private readonly sessionBar: SessionBar;
  private readonly diagnosticsStrip = h('div', { className: 'diagnostics', attrs: { 'aria-label': 'Response diagnostics' } });
  private readonly statsLine = h('div', { className: 'stats', attrs: { 'aria-live': 'off' } });
  private uiState: UiState;
  private status: ConnectionStatus = 'idle';
  private dropped = 0;
  private maxEvents = DEFAULT_MAX_EVENTS;
  private latestOpen: OpenRecord | undefined;
  /** What the strip shows: the latest open's diagnoses and the buffering verdict, which changes as events arrive. */
  private diagnosedKey = '[]';
  private chromeFrame = 0;

  constructor(
    root: HTMLElement,
    private readonly channel: ExtensionChannel,
  ) {
    this.uiState = channel.loadUiState();
    const post = (message: WebviewToExtension): void => {
      // Remember what was asked for, so the panel comes back with it after a window reload.
      if (message.type === 'connect') {
        this.saveUiState({ request: message.request });
        // A banner about a finished action (an export, a notice) belongs to the session it was about.
        this.banner.hide();
      }
      channel.post(message);
    };
    this.form = new ConnectionForm(post);
    this.toolbar = new Toolbar(
      {
        text: this.uiState.filterText,
        regex: this.uiState.regex,
        hiddenChips: this.uiState.hiddenChips,
        showCommentsAndRetry: this.uiState.showCommentsAndRetry,
      },
      {
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
        toggleReply: () => this.setReplyPane(this.assembled.element.hidden ? 'open' : 'closed'),
        toggleRaw: () => this.showRaw(this.rawView.element.hidden),
        toggleTimeline: () => this.setTimelineShown(!this.uiState.timeline),
      },
    );
    this.rawView = new RawView({
      request: (connection) => post({ type: 'raw', connection }),
      close: () => this.showRaw(false),
    });
    this.assembled = new AssembledView(this.reply, {
      close: () => this.setReplyPane('closed'),
      pathChanged: (path) => this.setReplyPath(path),
      copy: (text) => post({ type: 'copy', text }),
    });
    this.setReplyPath(this.uiState.replyPath);
    const filter = compileFilter(this.toolbar.filterSettings, (record) => this.chips.keyOf(record));
    this.toolbar.setFilterError(filter.error);
    this.model = new TableModel(this.ring, filter.test);
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
        columnsResized: (widths) => this.saveUiState({ resizedColumns: widths }),
      },
      this.uiState.resizedColumns,
    );
    this.timeline = new Timeline(this.ring, {
      // As a click on the row does: select it, show its details, and leave the keyboard in the table.
      pick: (position) => {
        if (this.table.reveal(position)) this.timeline.setSelected(position);
        this.openDetail(position);
        this.table.focus();
      },
      isShown: (position) => this.model.rowOf(position) >= 0,
    });
    this.setTimelineShown(this.uiState.timeline);
    this.sessionBar = new SessionBar({
      show: (session) => post({ type: 'showSession', session }),
      compare: (session) => post({ type: 'compareSession', session }),
    });
    this.detail.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.closeDetail();
    });
    this.diagnosticsStrip.hidden = true;
    root.replaceChildren(
      h('div', { className: 'inspector' }, [
        this.form.element,
        this.banner.element,
        this.toolbar.element,
        this.diagnosticsStrip,
        this.sessionBar.element,
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
        this.status = message.status;
        this.form.setStatus(message.status);
        // An ending connection has its last bytes to show (a new session's `cleared` empties the Raw view).
        if (message.status !== 'open' && message.status !== 'connecting') this.rawView.refresh();
        this.followLive();
        this.scheduleChrome();
        break;
      case 'sessions':
        this.showSessions(message.list);
        break;
      case 'compare':
        this.timeline.setCompare(message.track);
        break;
      case 'cleared':
        // The Clear button empties the table, but a connection still open is still described by its diagnostics.
        this.clearRecords(message.by === 'user' && this.status !== 'closed' && this.status !== 'idle');
        // Another session shown (or a new one): its connections are numbered from 1.
        if (message.by === undefined) this.rawView.clear();
        break;
      case 'run':
        this.form.connect();
        break;
      case 'panelName':
        this.saveUiState({ panelName: message.name });
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
    this.saveUiState({ request: state.request, sessionKey: state.sessionKey });
    this.form.setRecentUrls(state.recentUrls);
    this.status = state.status;
    this.form.setStatus(state.status);
    this.followLive();
    this.maxEvents = state.maxEvents;
    this.clearRecords();
    this.append(state.records, state.dropped, state.received);
  }

  private append(records: SseRecord[], dropped: number, received: ReceivedTotals | undefined): void {
    const from = this.ring.endPosition;
    for (const record of records) {
      this.chips.observe(record);
      this.stats.add(record);
      if (record.kind === 'open') {
        this.latestOpen = record;
        this.rawView.noteConnection(record.connection);
      }
      this.reply.push(record);
      this.timeline.add(record, this.ring.endPosition);
      this.ring.push(record);
    }
    this.dropped = dropped;
    if (received) this.stats.setReceived(received);
    this.table.rowsChanged(this.model.sync(from));
    this.scheduleChrome();
  }

  private clearRecords(keepDiagnostics = false): void {
    this.ring.reset(this.maxEvents);
    this.model.reset();
    this.chips.reset();
    this.stats.reset();
    this.reply.reset();
    this.timeline.reset();
    if (!keepDiagnostics) this.latestOpen = undefined;
    this.dropped = 0;
    this.closeDetail();
    this.table.reset();
    this.scheduleChrome();
  }

  /** Another session shown: its connections and its axis are its own (an earlier one's is not live). */
  private showSessions(list: Parameters<SessionBar['update']>[0]): void {
    this.sessionBar.update(list);
    this.scheduleChrome();
    this.followLive();
  }

  /** The timeline's axis runs on to now while the session shown is still streaming. */
  private followLive(): void {
    this.timeline.setLive(isLive(this.shownStatus));
  }

  private applyFilter(): void {
    const settings = this.toolbar.filterSettings;
    const filter = compileFilter(settings, (record) => this.chips.keyOf(record));
    this.toolbar.setFilterError(filter.error);
    this.table.setHighlighter(this.toolbar.highlighter());
    this.model.refilter(filter.test);
    this.table.refiltered();
    this.saveUiState({
      filterText: settings.text,
      regex: settings.regex,
      hiddenChips: [...settings.hiddenChips],
      showCommentsAndRetry: settings.showCommentsAndRetry,
    });
    this.scheduleChrome();
  }

  private saveUiState(change: Partial<UiState>): void {
    this.uiState = { ...this.uiState, ...change };
    // VS Code keeps this state on disk in the clear: no token from the URL or the headers goes there.
    const { request } = this.uiState;
    this.channel.saveUiState(request === undefined ? this.uiState : { ...this.uiState, request: redactRequest(request) });
  }

  private setTimelineShown(shown: boolean): void {
    this.saveUiState({ timeline: shown });
    this.timeline.setCollapsed(!shown);
    this.toolbar.setTimelineShown(shown);
  }

  private setReplyPane(pane: UiState['replyPane']): void {
    this.saveUiState({ replyPane: pane });
    this.scheduleChrome();
  }

  /** A new path re-reads the records kept; a path that does not parse is shown as a problem and changes nothing. */
  private setReplyPath(path: string): void {
    const problem = this.reply.setPath(path, this.keptRecords());
    this.assembled.setPath(path, problem);
    if (problem === undefined) this.saveUiState({ replyPath: this.reply.jsonPath });
    this.scheduleChrome();
  }

  private *keptRecords(): Generator<SseRecord> {
    for (let position = this.ring.firstPosition; position < this.ring.endPosition; position++) {
      const record = this.ring.at(position);
      if (record) yield record;
    }
  }

  private renderReply(): void {
    const { replyPane } = this.uiState;
    const shown = replyPane === 'open' || (replyPane === 'auto' && this.reply.active);
    this.assembled.element.hidden = !shown;
    this.toolbar.setReplyShown(shown);
    if (shown) this.assembled.render();
  }

  private showRaw(shown: boolean): void {
    this.rawView.element.hidden = !shown;
    this.toolbar.setRawShown(shown);
    this.rawView.refresh();
  }

  private openDetail(position: number): void {
    const record = this.ring.at(position);
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
      this.toolbar.setChips(this.chips.list());
      this.renderDiagnostics();
      this.renderReply();
      this.renderStats();
      this.table.setEmptyText(emptyTableText(this.shownStatus, this.ring.length, this.form.hasUrl));
      this.toolbar.setMatchCount(this.model.length, this.ring.length);
    });
  }

  private renderDiagnostics(): void {
    const diagnoses = this.latestOpen ? diagnose(this.latestOpen, this.stats.timing.verdict()) : [];
    const key = JSON.stringify(diagnoses);
    if (key === this.diagnosedKey) return;
    this.diagnosedKey = key;
    this.diagnosticsStrip.hidden = this.latestOpen === undefined;
    this.diagnosticsStrip.replaceChildren(...diagnosticsView(diagnoses));
  }

  /** The status describes the live session; an earlier one shown has ended. */
  private get shownStatus(): ConnectionStatus {
    return this.sessionBar.showsLive ? this.status : 'closed';
  }

  private renderStats(): void {
    this.statsLine.replaceChildren(
      ...statsLineView(this.stats, {
        status: this.shownStatus,
        paused: this.table.isPaused,
        dropped: this.dropped,
        maxEvents: this.maxEvents,
      }),
    );
  }
}
