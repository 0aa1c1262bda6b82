// Builds DOM elements with text content only, so untrusted strings can never become markup.

export interface ElementProps {
  className?: string;
  text?: string;
  title?: string;
  /** Plain attributes (role, aria-*, type…); never `style` or `on*`, which CSP forbids anyway. */
  attrs?: Record<string, string>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  if (props.title !== undefined) element.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** A codicon glyph; decorative, so hidden from screen readers. */
export function icon(name: string, extraClass = ''): HTMLSpanElement {
  return h('span', { className: `codicon codicon-${name}${extraClass ? ` ${extraClass}` : ''}`, attrs: { 'aria-hidden': 'true' } });
}

/** A button with an optional codicon and label; `title` doubles as the accessible name for icon-only buttons. */
export function button(label: string, options: { icon?: string; title?: string; className?: string } = {}): HTMLButtonElement {
  const element = h('button', { className: options.className ?? 'action', attrs: { type: 'button' } });
  setButtonContent(element, label, options.icon);
  if (options.title) {
    element.title = options.title;
    if (!label) element.setAttribute('aria-label', options.title);
  }
  return element;
}

/** Replaces a button's icon and label (e.g. Pause ↔ Resume). */
export function setButtonContent(element: HTMLButtonElement, label: string, iconName?: string): void {
  const children: Node[] = [];
  if (iconName) children.push(icon(iconName));
  if (label) children.push(h('span', { className: 'label', text: label }));
  element.replaceChildren(...children);
}

/** A button that stays pressed or not (aria-pressed), for toggles such as the regex switch and the chips. */
export function toggleButton(
  label: string,
  pressed: boolean,
  options: { icon?: string; title?: string; className?: string } = {},
): HTMLButtonElement {
  const element = button(label, options);
  setPressed(element, pressed);
  return element;
}

export function setPressed(element: HTMLElement, pressed: boolean): void {
  element.setAttribute('aria-pressed', String(pressed));
}

export function isPressed(element: HTMLElement): boolean {
  return element.getAttribute('aria-pressed') === 'true';
}
