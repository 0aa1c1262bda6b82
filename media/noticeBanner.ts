// The banner for extension notices that belong to no single field (e.g. a failed export).

import { button, h, icon } from './dom';
import type { NoticeLevel } from './connectionForm';
import type { NoticeAction } from '../src/shared/protocol';

/** The button each action gets. */
const ACTION_LABELS: Record<NoticeAction, { label: string; title: string; icon: string }> = {
  openExport: { label: 'Open', title: 'Open the exported file in an editor', icon: 'go-to-file' },
};

export class NoticeBanner {
  readonly element: HTMLDivElement;
  private readonly text = h('span', { className: 'banner-text' });
  private readonly glyph = h('span');
  private readonly actionBox = h('span', { className: 'banner-actions' });

  constructor(private readonly onAction: (action: NoticeAction) => void) {
    const dismiss = button('', { icon: 'close', title: 'Dismiss' });
    dismiss.addEventListener('click', () => this.hide());
    this.element = h('div', { className: 'banner', attrs: { role: 'alert' } }, [this.glyph, this.text, this.actionBox, dismiss]);
    this.element.hidden = true;
  }

  show(level: NoticeLevel, message: string, action?: NoticeAction): void {
    this.element.className = `banner ${level}`;
    this.glyph.replaceChildren(icon(level === 'error' ? 'error' : 'info'));
    this.text.textContent = message;
    this.actionBox.replaceChildren();
    if (action !== undefined) {
      const look = ACTION_LABELS[action];
      const actionButton = button(look.label, { icon: look.icon, title: look.title });
      actionButton.addEventListener('click', () => this.onAction(action));
      this.actionBox.append(actionButton);
    }
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
    this.text.textContent = '';
    this.actionBox.replaceChildren();
  }
}
