// The banner for extension notices that belong to no single field (e.g. a failed export).

import { button, h, icon } from './dom';
import type { NoticeLevel } from './connectionForm';

export class NoticeBanner {
  readonly element: HTMLDivElement;
  private readonly text = h('span', { className: 'banner-text' });
  private readonly glyph = h('span');

  constructor() {
    const dismiss = button('', { icon: 'close', title: 'Dismiss' });
    dismiss.addEventListener('click', () => this.hide());
    this.element = h('div', { className: 'banner', attrs: { role: 'alert' } }, [this.glyph, this.text, dismiss]);
    this.element.hidden = true;
  }

  show(level: NoticeLevel, message: string): void {
    this.element.className = `banner ${level}`;
    this.glyph.replaceChildren(icon(level === 'error' ? 'error' : 'info'));
    this.text.textContent = message;
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
    this.text.textContent = '';
  }
}
