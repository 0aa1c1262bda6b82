// The session picker above the timeline: which of the panel's kept sessions the table shows, and which one the
// timeline compares it with. Hidden while the panel has only its live session.

import type { SessionList, SessionSummary } from '../src/shared/protocol';
import { clipMarked } from '../src/shared/clipText';
import { visibleLine } from '../src/shared/visibleText';
import { h } from './dom';
import { formatCount, formatWallClock } from './format';

export interface SessionBarEvents {
  show(session: number): void;
  compare(session: number | null): void;
}

const NO_COMPARE = '';

export class SessionBar {
  readonly element: HTMLDivElement;
  private readonly shown = h('select', { attrs: { id: 'session-shown', 'aria-label': 'Session shown in the table' } });
  private readonly compared = h('select', { attrs: { id: 'session-compared', 'aria-label': 'Session compared in the timeline' } });
  private readonly note = h('span', { className: 'session-note' });
  private list: SessionList | undefined;

  constructor(events: SessionBarEvents) {
    this.element = h('div', { className: 'session-bar', attrs: { role: 'group', 'aria-label': 'Sessions' } }, [
      h('label', { text: 'Session', attrs: { for: 'session-shown' } }),
      this.shown,
      h('label', { text: 'Compare with', attrs: { for: 'session-compared' } }),
      this.compared,
      this.note,
    ]);
    this.element.hidden = true;
    this.shown.addEventListener('change', () => events.show(Number(this.shown.value)));
    this.compared.addEventListener('change', () => events.compare(this.compared.value === NO_COMPARE ? null : Number(this.compared.value)));
  }

  /** Whether the table shows the live session (and so the live axis and the status apply to it). */
  get showsLive(): boolean {
    return this.list?.sessions.find((session) => session.number === this.list?.shown)?.live ?? true;
  }

  update(list: SessionList): void {
    this.list = list;
    this.element.hidden = list.sessions.length < 2 && list.forgotten === 0;
    this.shown.replaceChildren(...list.sessions.map((session) => option(session, session.number === list.shown)));
    const others = list.sessions.filter((session) => session.number !== list.shown);
    this.compared.replaceChildren(
      h('option', { text: 'none', attrs: { value: NO_COMPARE } }),
      ...others.map((session) => option(session, session.number === list.compared)),
    );
    this.compared.value = list.compared === null ? NO_COMPARE : String(list.compared);
    // Its border takes the compared track's colour: the select is the line's legend.
    this.compared.classList.toggle('comparing', list.compared !== null);
    this.compared.disabled = others.length === 0;
    const notes: string[] = [];
    if (!this.showsLive) {
      const live = list.sessions.find((session) => session.live);
      notes.push(
        live?.streaming === true
          ? 'An earlier session: the live one goes on receiving.'
          : `An earlier session: pick ${live === undefined ? 'the live one' : `session ${live.number}`} to see the latest again.`,
      );
    }
    if (list.forgotten > 0) {
      notes.push(
        `${formatCount(list.forgotten)} earlier ${list.forgotten === 1 ? 'session was' : 'sessions were'} let go (sseInspector.keptSessions or the memory limit).`,
      );
    }
    this.note.textContent = notes.join(' ');
  }
}

/** e.g. "3 · /sse?burst=10 · 21:30:43 · 120 events", or "… · live" for a session still streaming. */
function option(session: SessionSummary, selected: boolean): HTMLOptionElement {
  const started = formatWallClock(session.startedAt).slice(11, 19);
  const events = `${formatCount(session.events)} ${session.events === 1 ? 'event' : 'events'}`;
  const parts = [String(session.number), clipMarked(visibleLine(session.place), 60), started, session.streaming ? 'live' : events];
  const element = h('option', { text: parts.join(' · '), attrs: { value: String(session.number) } });
  element.selected = selected;
  return element;
}
