// The bar above the table: filter box with regex switch, type chips, the comments toggle, Timeline, Assembled, Raw,
// Pause, Clear, Export, Replay and Save as scenario.

import { ChipStrip } from './chipStrip';
import { button, h, isPressed, setButtonContent, setPressed, toggleButton } from './dom';
import type { FilterSettings } from './rowFilter';
import type { Chip } from './typeChips';
import { highlighterFor, type Highlighter } from './matchHighlight';

export interface ToolbarEvents {
  filterChanged(): void;
  pauseChanged(paused: boolean): void;
  clear(): void;
  /** `filtered`: only the rows the filter and chips show; else every kept record. */
  exportAs(format: 'ndjson' | 'json', filtered: boolean): void;
  /** Replay in mock server: serve the session's records from the mock and open a panel on them. */
  replay(): void;
  /** Save as scenario: write the session's records as an editable scenario file. */
  saveScenario(): void;
  /** The Assembled view's button: show it when hidden, hide it when shown. */
  toggleReply(): void;
  /** The Raw view's button. */
  toggleRaw(): void;
  /** The Timeline button: collapse the strip when shown, show it when collapsed. */
  toggleTimeline(): void;
}

export class Toolbar {
  readonly element: HTMLDivElement;
  private readonly filterInput = h('input', {
    className: 'filter-input',
    attrs: { type: 'text', spellcheck: 'false', placeholder: 'Filter type, id, data', 'aria-label': 'Filter' },
  });
  private readonly regexToggle: HTMLButtonElement;
  private readonly commentsToggle: HTMLButtonElement;
  private readonly filterNote = h('div', { className: 'field-note error filter-note', attrs: { id: 'filter-note', role: 'alert' } });
  private readonly chipStrip = new ChipStrip();
  private readonly pauseButton = toggleButton('Pause', false, {
    icon: 'debug-pause',
    className: 'action pause',
    title: 'Stop adding rows; events are still received',
  });
  private readonly replyToggle = toggleButton('Assembled', false, {
    icon: 'output',
    className: 'action toggle',
    title: 'Show the LLM reply assembled from the events, with its timing',
  });
  private readonly rawToggle = toggleButton('Raw', false, {
    icon: 'file-binary',
    className: 'action toggle',
    title: 'Show the bytes of a connection as they came: chunks, line ends, invalid UTF-8, ignored lines',
  });
  private readonly matchCount = h('span', { className: 'match-count', attrs: { 'aria-live': 'polite' } });
  private readonly exportScope = h('select', { className: 'export-scope', attrs: { 'aria-label': 'Rows to export' } }, [
    h('option', { text: 'All rows', attrs: { value: 'all' } }),
    h('option', { text: 'Filtered rows', attrs: { value: 'filtered' } }),
  ]);
  private readonly timelineToggle = toggleButton('Timeline', true, {
    icon: 'graph-line',
    className: 'action toggle',
    title: 'Show or hide the timeline of events, reconnects and errors above the table',
  });
  private readonly hiddenChips: Set<string>;
  private chipKeys = '';

  constructor(
    initial: FilterSettings,
    private readonly events: ToolbarEvents,
  ) {
    this.hiddenChips = new Set(initial.hiddenChips);
    this.filterInput.value = initial.text;
    this.filterInput.setAttribute('aria-describedby', 'filter-note');
    this.regexToggle = toggleButton('.*', initial.regex, { className: 'action toggle regex', title: 'Use regular expression' });
    this.regexToggle.setAttribute('aria-label', 'Use regular expression');
    this.commentsToggle = toggleButton('Comments & retry', initial.showCommentsAndRetry, {
      icon: 'comment',
      className: 'action toggle',
      title: 'Show comment and retry rows, which browsers hide',
    });
    this.filterNote.hidden = true;
    const clear = button('Clear', { icon: 'clear-all', title: 'Empty the table' });
    const ndjson = button('NDJSON', { title: 'Export as NDJSON (one record per line)' });
    const json = button('JSON', { title: 'Export as a JSON array' });
    const replay = button('Replay', {
      icon: 'debug-rerun',
      title: 'Replay in mock server: serve this session again from the mock server and open a new panel on it',
    });
    const scenario = button('Save as scenario', {
      icon: 'save-as',
      title: 'Save as scenario: write this session as an editable scenario file (*.sse.json) into the workspace',
    });

    this.filterInput.addEventListener('input', () => events.filterChanged());
    this.filterInput.addEventListener('keydown', (event) => {
      // Escape empties the filter (and leaves the box), as in VS Code's own find boxes.
      if (event.key !== 'Escape' || this.filterInput.value === '') return;
      event.preventDefault();
      this.filterInput.value = '';
      events.filterChanged();
    });
    this.matchCount.hidden = true;
    document.addEventListener('keydown', (event) => {
      // Ctrl/Cmd+F finds in the table, not in the page (VS Code gives webviews no find widget here).
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        this.focusFilter();
      }
    });
    for (const toggle of [this.regexToggle, this.commentsToggle]) {
      toggle.addEventListener('click', () => {
        setPressed(toggle, !isPressed(toggle));
        events.filterChanged();
      });
    }
    this.pauseButton.addEventListener('click', () => events.pauseChanged(!isPressed(this.pauseButton)));
    this.replyToggle.addEventListener('click', () => events.toggleReply());
    this.rawToggle.addEventListener('click', () => events.toggleRaw());
    this.timelineToggle.addEventListener('click', () => events.toggleTimeline());
    clear.addEventListener('click', () => events.clear());
    ndjson.addEventListener('click', () => events.exportAs('ndjson', this.exportScope.value === 'filtered'));
    json.addEventListener('click', () => events.exportAs('json', this.exportScope.value === 'filtered'));
    replay.addEventListener('click', () => events.replay());
    scenario.addEventListener('click', () => events.saveScenario());

    this.element = h('div', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Table' } }, [
      h('div', { className: 'filter' }, [
        h('div', { className: 'filter-box' }, [this.filterInput, this.matchCount, this.regexToggle]),
        this.filterNote,
      ]),
      this.commentsToggle,
      this.chipStrip.element,
      h('div', { className: 'toolbar-actions' }, [
        this.timelineToggle,
        this.replyToggle,
        this.rawToggle,
        this.pauseButton,
        clear,
        h('span', { className: 'export-group' }, [
          h('span', { className: 'export-label', text: 'Export' }),
          this.exportScope,
          ndjson,
          json,
        ]),
        replay,
        scenario,
      ]),
    ]);
  }

  get filterSettings(): FilterSettings {
    return {
      text: this.filterInput.value,
      regex: isPressed(this.regexToggle),
      hiddenChips: [...this.hiddenChips],
      showCommentsAndRetry: isPressed(this.commentsToggle),
    };
  }

  /** What the filter box's text matches, to mark in the cells. */
  highlighter(): Highlighter {
    return highlighterFor(this.filterInput.value, isPressed(this.regexToggle));
  }

  /** Ctrl/Cmd+F: into the filter box, its text selected to type over. */
  focusFilter(): void {
    this.filterInput.focus();
    this.filterInput.select();
  }

  /** "12 of 340": the rows the filter shows out of those kept; shown while the box has text. */
  setMatchCount(matching: number, kept: number): void {
    const shown = this.filterInput.value !== '';
    this.matchCount.hidden = !shown;
    const text = shown ? `${matching.toLocaleString('en-US')} of ${kept.toLocaleString('en-US')}` : '';
    if (this.matchCount.textContent !== text) this.matchCount.textContent = text;
    this.matchCount.title = shown ? `${matching} of the ${kept} records kept match the filter and chips` : '';
  }

  /** Shows why the regex does not compile, or hides the note. */
  setFilterError(message: string | undefined): void {
    this.filterNote.hidden = message === undefined;
    this.filterNote.textContent = message ?? '';
    if (message === undefined) this.filterInput.removeAttribute('aria-invalid');
    else this.filterInput.setAttribute('aria-invalid', 'true');
  }

  /** Redraws the chips only when the set of types changed. */
  setChips(chips: Chip[]): void {
    const keys = chips.map((chip) => chip.key).join('\n');
    if (keys === this.chipKeys) return;
    this.chipKeys = keys;
    this.chipStrip.setChips(
      chips.map((chip) => {
        const element = toggleButton(chip.label, !this.hiddenChips.has(chip.key), {
          className: `chip chip-${chip.badge}`,
          title: `Show or hide ${chip.label} rows`,
        });
        element.addEventListener('click', () => {
          const shown = !isPressed(element);
          setPressed(element, shown);
          if (shown) this.hiddenChips.delete(chip.key);
          else this.hiddenChips.add(chip.key);
          this.events.filterChanged();
        });
        return element;
      }),
    );
  }

  setReplyShown(shown: boolean): void {
    setPressed(this.replyToggle, shown);
  }

  setRawShown(shown: boolean): void {
    setPressed(this.rawToggle, shown);
  }

  setTimelineShown(shown: boolean): void {
    setPressed(this.timelineToggle, shown);
  }

  setPaused(paused: boolean): void {
    setPressed(this.pauseButton, paused);
    setButtonContent(this.pauseButton, paused ? 'Resume' : 'Pause', paused ? 'debug-continue' : 'debug-pause');
    this.pauseButton.title = paused ? 'Show the rows received while paused, and new ones' : 'Stop adding rows; events are still received';
  }
}
