// The bar above the table: filter box with regex switch, type chips, the comments toggle, Timeline, Assembled, Raw, Pause, Clear and Export.

import { button, h, isPressed, setButtonContent, setPressed, toggleButton } from './dom';
import type { FilterSettings } from './rowFilter';
import type { Chip } from './typeChips';

export interface ToolbarEvents {
  filterChanged(): void;
  pauseChanged(paused: boolean): void;
  clear(): void;
  exportAs(format: 'ndjson' | 'json'): void;
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
  private readonly chipBox = h('div', { className: 'chips', attrs: { role: 'group', 'aria-label': 'Show or hide types' } });
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

    this.filterInput.addEventListener('input', () => events.filterChanged());
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
    ndjson.addEventListener('click', () => events.exportAs('ndjson'));
    json.addEventListener('click', () => events.exportAs('json'));

    this.element = h('div', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Table' } }, [
      h('div', { className: 'filter' }, [h('div', { className: 'filter-box' }, [this.filterInput, this.regexToggle]), this.filterNote]),
      this.commentsToggle,
      this.chipBox,
      h('div', { className: 'toolbar-actions' }, [
        this.timelineToggle,
        this.replyToggle,
        this.rawToggle,
        this.pauseButton,
        clear,
        h('span', { className: 'export-label', text: 'Export' }),
        ndjson,
        json,
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
    this.chipBox.replaceChildren(
      ...chips.map((chip) => {
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
