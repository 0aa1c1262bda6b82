// The Headers box's stored secrets: masked once a Connect stored them, shown on request (in the DOM only, never in saved state), masked again.

import type { WebviewToExtension } from '../src/shared/protocol';
import { isMaskedValue, mapCredentialValues, maskHeaderLines, MASKED } from '../src/shared/redact';
import { button, setButtonContent } from './dom';

const SHOW = { label: 'Show stored values', icon: 'eye' };
const HIDE = { label: 'Hide stored values', icon: 'eye-closed' };

export class HeaderSecrets {
  readonly toggle: HTMLButtonElement;
  /** The Headers box text of the latest Connect, until the extension says it stored its values. */
  private sent: string | undefined;
  /** The values the latest reveal showed, by lower-case name, so Hide masks those the user left unchanged. */
  private revealed: Map<string, string> | undefined;

  constructor(
    private readonly box: HTMLTextAreaElement,
    private readonly url: () => string,
    private readonly post: (message: WebviewToExtension) => void,
    private readonly note: (message: string) => void,
  ) {
    this.toggle = button(SHOW.label, { icon: SHOW.icon, title: 'The values stored for this URL’s origin, in VS Code’s secret storage' });
    this.toggle.addEventListener('click', () => {
      if (this.revealed === undefined) this.post({ type: 'revealSecrets', url: this.url() });
      else this.hide();
    });
    box.addEventListener('input', () => this.update());
    this.update();
  }

  /** The form was filled anew (state, a pasted curl command): nothing is revealed or awaited any more. */
  reset(): void {
    this.sent = undefined;
    this.revealed = undefined;
    this.update();
  }

  connecting(headers: string): void {
    this.sent = headers;
  }

  /** The extension stored what the latest Connect sent: the box shows it masked, unless the user has typed since. */
  stored(masked: string): void {
    const sent = this.sent;
    this.sent = undefined;
    if (sent === undefined || this.box.value !== sent || maskHeaderLines(sent) !== masked) return;
    this.box.value = masked;
    this.revealed = undefined;
    this.update();
  }

  /** The stored values the extension sent for `url`'s origin take the place of the masked ones. */
  show(url: string, values: Record<string, string>): void {
    if (url !== this.url()) return; // The URL changed since the question: these belong to another origin.
    const revealed = new Map<string, string>();
    const missing = new Set<string>();
    this.box.value = mapCredentialValues(this.box.value, (name, value) => {
      const stored = values[name.trim().toLowerCase()];
      if (!isMaskedValue(value)) return value;
      if (stored === undefined) {
        missing.add(name.trim());
        return value;
      }
      revealed.set(name.trim().toLowerCase(), stored);
      return stored;
    });
    this.revealed = revealed;
    if (missing.size > 0) this.note(`No value is stored for ${[...missing].join(', ')} at this URL’s origin; type it.`);
    this.update();
  }

  private hide(): void {
    const revealed = this.revealed ?? new Map<string, string>();
    // A value the user changed is not stored yet: it stays in view, to be stored on Connect.
    this.box.value = mapCredentialValues(this.box.value, (name, value) =>
      revealed.get(name.trim().toLowerCase()) === value.trim() ? MASKED : value,
    );
    this.revealed = undefined;
    this.update();
  }

  private update(): void {
    const masked = this.box.value !== mapCredentialValues(this.box.value, (_name, value) => (isMaskedValue(value) ? '' : value));
    this.toggle.hidden = !masked && this.revealed === undefined;
    const look = this.revealed === undefined ? SHOW : HIDE;
    setButtonContent(this.toggle, look.label, look.icon);
  }
}
