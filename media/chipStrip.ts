// The type chips on one line that never wraps: chips that do not fit are hidden from the line and listed in a "+N"
// menu instead, so a new type arriving mid-stream never makes the toolbar jump.

import { button, h, isPressed, setButtonContent } from './dom';

export class ChipStrip {
  readonly element: HTMLDivElement;
  private readonly line = h('div', { className: 'chips', attrs: { role: 'group', 'aria-label': 'Show or hide types' } });
  private readonly more = button('', { className: 'chips-more', title: 'More types' });
  private readonly menu = h('div', { className: 'chips-menu', attrs: { role: 'group', 'aria-label': 'More types' } });
  private chips: HTMLButtonElement[] = [];
  private frame = 0;

  constructor() {
    this.more.setAttribute('aria-haspopup', 'true');
    this.more.setAttribute('aria-expanded', 'false');
    this.more.hidden = true;
    this.menu.hidden = true;
    this.element = h('div', { className: 'chip-strip' }, [this.line, this.more, this.menu]);
    this.more.addEventListener('click', () => this.setMenuOpen(this.menu.hidden));
    this.menu.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.setMenuOpen(false);
        this.more.focus();
      }
    });
    document.addEventListener('pointerdown', (event) => {
      if (!this.menu.hidden && event.target instanceof Node && !this.element.contains(event.target)) this.setMenuOpen(false);
    });
    new ResizeObserver(() => this.scheduleFit()).observe(this.element);
  }

  setChips(chips: HTMLButtonElement[]): void {
    this.chips = chips;
    this.line.replaceChildren(...chips);
    this.fit();
  }

  private scheduleFit(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.fit();
    });
  }

  /** Shows the chips that fit in the line, with room for the "+N" button when some do not. */
  private fit(): void {
    for (const chip of this.chips) chip.hidden = false;
    this.more.hidden = true;
    const available = this.line.clientWidth;
    if (this.line.scrollWidth <= available) {
      this.fillMenu([]);
      return;
    }
    this.more.hidden = false;
    setButtonContent(this.more, `+${this.chips.length}`);
    const room = this.line.clientWidth;
    const overflow: HTMLButtonElement[] = [];
    for (const chip of this.chips) {
      if (overflow.length > 0 || chip.offsetLeft - this.line.offsetLeft + chip.offsetWidth > room) overflow.push(chip);
    }
    for (const chip of overflow) chip.hidden = true;
    setButtonContent(this.more, `+${overflow.length}`);
    this.more.title = `${overflow.length} more ${overflow.length === 1 ? 'type' : 'types'}: ${overflow.map((chip) => chip.textContent).join(', ')}`;
    this.fillMenu(overflow);
  }

  /** The menu holds a stand-in per hidden chip: pressing it presses the chip, and it shows the chip's state. */
  private fillMenu(hidden: HTMLButtonElement[]): void {
    if (hidden.length === 0) this.setMenuOpen(false);
    this.menu.replaceChildren(
      ...hidden.map((chip) => {
        const item = button(chip.textContent ?? '', { className: chip.className, title: chip.title });
        item.setAttribute('aria-pressed', String(isPressed(chip)));
        item.addEventListener('click', () => {
          chip.click();
          item.setAttribute('aria-pressed', String(isPressed(chip)));
        });
        return item;
      }),
    );
  }

  private setMenuOpen(open: boolean): void {
    this.menu.hidden = !open;
    this.more.setAttribute('aria-expanded', String(open));
  }
}
