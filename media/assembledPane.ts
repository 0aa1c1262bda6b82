// When the Assembled view shows beside the table and what it reads: shown when a reply is recognized (auto) or as the
// user last chose, reading the reply at the JSON path the user gave; both choices are saved with the view's state.

import { AssembledView } from './assembledView';
import type { ReplyPane, UiState } from './uiState';
import type { ViewRecords } from './viewRecords';

export interface AssembledPaneEvents {
  /** A choice to keep across reloads. */
  save(change: Partial<UiState>): void;
  /** What the pane shows changed: render() on the next frame. */
  changed(): void;
  /** The pane was drawn shown or hidden (the toolbar's toggle follows it). */
  shown(shown: boolean): void;
  copy(text: string): void;
}

export class AssembledPane {
  private readonly view: AssembledView;
  private pane: ReplyPane;

  constructor(
    private readonly records: ViewRecords,
    saved: Pick<UiState, 'replyPane' | 'replyPath'>,
    private readonly events: AssembledPaneEvents,
  ) {
    this.pane = saved.replyPane;
    this.view = new AssembledView(records.reply, {
      close: () => this.setPane('closed'),
      pathChanged: (path) => this.setPath(path),
      copy: (text) => events.copy(text),
    });
    this.setPath(saved.replyPath);
  }

  get element(): HTMLElement {
    return this.view.element;
  }

  /** The toolbar's Assembled button. */
  toggle(): void {
    this.setPane(this.view.element.hidden ? 'open' : 'closed');
  }

  render(): void {
    const shown = this.pane === 'open' || (this.pane === 'auto' && this.records.reply.active);
    this.view.element.hidden = !shown;
    this.events.shown(shown);
    if (shown) this.view.render();
  }

  private setPane(pane: ReplyPane): void {
    this.pane = pane;
    this.events.save({ replyPane: pane });
    this.events.changed();
  }

  /** A new path re-reads the records kept; a path that does not parse is shown as a problem and changes nothing. */
  private setPath(path: string): void {
    const problem = this.records.reply.setPath(path, this.records.kept());
    this.view.setPath(path, problem);
    if (problem === undefined) this.events.save({ replyPath: this.records.reply.jsonPath });
    this.events.changed();
  }
}
