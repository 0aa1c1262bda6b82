// The connection form: URL, credentials mode, page origin, close-on name, reconnect choice, the Request section and Connect/Disconnect.

import type { ConnectRequest, ConnectionStatus, ReconnectChoice, WebviewToExtension } from '../src/shared/protocol';
import { button, h, icon } from './dom';
import { looksLikeCurl } from '../src/shared/curlCommand';
import { curlFromRequest, requestFromCurl } from './curlPaste';
import { streamUrlProblem } from '../src/shared/streamUrl';
import { HeaderSecrets } from './headerSecrets';
import { MASKED } from '../src/shared/redact';

export type NoticeField = 'url' | 'headers' | 'origin';
export type NoticeLevel = 'error' | 'info';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const RECONNECT_CHOICES: ReconnectChoice[] = ['auto', 'always', 'never'];
const RECONNECT_HELP =
  'auto: a GET reconnects as EventSource does; a POST or a request with a body is sent once, and the end of its body is the normal end.';
const CREDENTIALS_HELP =
  'Send credentials is EventSource’s withCredentials: it adds the Cookie stored for this URL’s origin, and the CORS verdict then needs Access-Control-Allow-Credentials.';

const STATUS_LOOKS: Record<ConnectionStatus, { icon: string; text: string; spin?: true }> = {
  idle: { icon: 'circle-outline', text: 'Not connected' },
  connecting: { icon: 'loading', text: 'Connecting', spin: true },
  open: { icon: 'circle-filled', text: 'Open' },
  reconnecting: { icon: 'sync', text: 'Reconnecting', spin: true },
  closed: { icon: 'debug-disconnect', text: 'Closed' },
};

export class ConnectionForm {
  readonly element: HTMLFormElement;
  private readonly request: HTMLDetailsElement;
  private readonly url = input('url', 'text', 'http://127.0.0.1:3000/sse');
  private readonly recentUrls = h('datalist', { attrs: { id: 'recent-urls' } });
  private readonly withCredentials = input('with-credentials', 'checkbox');
  private readonly insecureTls = input('insecure-tls', 'checkbox');
  private readonly origin = input('origin', 'text', 'https://app.example');
  // Empty means "never": the hint must not read like a value (it used to be "end", the default value itself).
  private readonly closeOn = input('close-on', 'text', '(never)');
  private readonly method = h('select', { attrs: { id: 'method' } });
  private readonly headers = h('textarea', {
    attrs: { id: 'headers', rows: '3', spellcheck: 'false', placeholder: 'Name: value (one per line)' },
  });
  private readonly body = h('textarea', { attrs: { id: 'body', rows: '3', spellcheck: 'false' } });
  private readonly reconnect = h('select', { attrs: { id: 'reconnect', title: RECONNECT_HELP } });
  private readonly secrets: HeaderSecrets;
  private readonly connectButton = button('Connect', {
    icon: 'plug',
    className: 'action primary',
    title: 'Connect to the stream (Enter); while one is open, this starts a new session in its place',
  });
  private readonly disconnectButton = button('Disconnect', { icon: 'debug-disconnect', title: 'Close the connection' });
  private readonly statusPill = h('span', { className: 'status', attrs: { role: 'status' } });
  private readonly notes: Record<NoticeField, HTMLDivElement> = {
    url: fieldNote('url'),
    headers: fieldNote('headers'),
    origin: fieldNote('origin'),
  };
  private readonly fields: Record<NoticeField, HTMLInputElement | HTMLTextAreaElement> = {
    url: this.url,
    headers: this.headers,
    origin: this.origin,
  };

  constructor(private readonly post: (message: WebviewToExtension) => void) {
    this.url.setAttribute('list', 'recent-urls');
    this.url.setAttribute('aria-label', 'Stream URL');
    this.closeOn.value = 'end';
    this.closeOn.title = 'Close the stream when an event of this type arrives; leave it empty to keep listening.';
    for (const [field, note] of Object.entries(this.notes)) this.fields[field as NoticeField].setAttribute('aria-describedby', note.id);
    this.setMethods('GET');
    this.reconnect.replaceChildren(...RECONNECT_CHOICES.map((choice) => h('option', { text: choice, attrs: { value: choice } })));
    this.secrets = new HeaderSecrets(
      this.headers,
      () => this.url.value.trim(),
      post,
      (message) => this.showNotice('headers', 'info', message),
    );

    const forget = button('Forget stored values', {
      icon: 'trash',
      title: 'Remove the header values stored for this URL’s origin from VS Code’s secret storage',
    });
    forget.addEventListener('click', () => this.post({ type: 'forgetSecrets', url: this.url.value.trim() }));
    this.disconnectButton.addEventListener('click', () => this.post({ type: 'disconnect' }));
    const copyCurl = button('Copy as curl', {
      icon: 'terminal',
      title: 'Copy this request as a curl -N command (credential values masked)',
    });
    copyCurl.addEventListener('click', () => this.post({ type: 'copy', text: curlFromRequest(this.currentRequest()) }));
    this.url.addEventListener('paste', (event) => this.pasteCurl(event));
    this.connectButton.type = 'submit';

    this.request = h('details', { className: 'request' }, [
      h('summary', { text: 'Request' }),
      h('div', { className: 'request-grid' }, [
        label('method', 'Method'),
        this.method,
        label('headers', 'Headers'),
        h('div', {}, [this.headers, this.notes.headers]),
        h('span', { className: 'grid-label' }),
        h('div', { className: 'hint' }, [
          h('span', {
            text: `Authorization, Cookie, X-Api-Key… values are kept per URL origin in VS Code’s secret storage, shown as ${MASKED}.`,
          }),
          this.secrets.toggle,
        ]),
        label('body', 'Body'),
        this.body,
        h('span', { className: 'grid-label', text: 'curl' }),
        h('div', {}, [copyCurl]),
        h('span', { className: 'grid-label', text: 'TLS' }),
        h('label', { className: 'check', title: 'For a development server with a self-signed certificate, such as ASP.NET Core’s' }, [
          this.insecureTls,
          h('span', { text: 'Trust any certificate (this connection only; not safe for real servers)' }),
        ]),
        h('span', { className: 'grid-label', text: 'Reconnect' }),
        h('div', { className: 'hint', text: RECONNECT_HELP }),
        h('span', { className: 'grid-label', text: 'Credentials' }),
        h('div', { className: 'hint' }, [h('span', { text: CREDENTIALS_HELP }), forget]),
      ]),
    ]);

    this.element = h('form', { className: 'connect', attrs: { novalidate: '' } }, [
      h('div', { className: 'connect-row' }, [
        h('div', { className: 'url-field' }, [this.url, this.notes.url]),
        this.recentUrls,
        this.connectButton,
        this.disconnectButton,
        this.statusPill,
      ]),
      h('div', { className: 'connect-row options' }, [
        h('label', { className: 'check', title: CREDENTIALS_HELP }, [this.withCredentials, h('span', { text: 'Send credentials' })]),
        // Each label wraps together with its field in a narrow panel.
        h('span', { className: 'option-pair' }, [
          label('origin', 'Page origin'),
          h('div', { className: 'origin-field' }, [this.origin, this.notes.origin]),
        ]),
        h('span', { className: 'option-pair' }, [label('close-on', 'Close on'), this.closeOn]),
        h('span', { className: 'option-pair' }, [label('reconnect', 'Reconnect'), this.reconnect]),
      ]),
      this.request,
    ]);
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      this.connect();
    });
    this.url.addEventListener('input', () => this.clearNotice('url'));
    this.headers.addEventListener('input', () => this.clearNotice('headers'));
    this.origin.addEventListener('input', () => this.clearNotice('origin'));
    this.setStatus('idle');
  }

  setRequest(request: ConnectRequest): void {
    this.url.value = request.url;
    this.withCredentials.checked = request.withCredentials;
    this.origin.value = request.origin;
    this.closeOn.value = request.closeOn;
    this.setMethods(request.method);
    this.headers.value = request.headers;
    this.body.value = request.body;
    this.insecureTls.checked = request.insecureTls === true;
    this.reconnect.value = request.reconnect ?? 'auto';
    this.secrets.reset();
  }

  /** The extension stored the Headers box's credential values of the latest Connect (see HeaderSecrets). */
  headersStored(masked: string): void {
    this.secrets.stored(masked);
  }

  /** The stored values for `url`'s origin, answering Show stored values. */
  showSecrets(url: string, values: Record<string, string>): void {
    this.secrets.show(url, values);
  }

  setRecentUrls(urls: string[]): void {
    this.recentUrls.replaceChildren(...urls.map((url) => h('option', { attrs: { value: url } })));
  }

  setStatus(status: ConnectionStatus): void {
    const live = status === 'connecting' || status === 'open' || status === 'reconnecting';
    // Connect stays enabled while a stream is live: pressing it starts the new request at once.
    this.disconnectButton.disabled = !live;
    const look = STATUS_LOOKS[status];
    this.statusPill.className = `status status-${status}`;
    this.statusPill.replaceChildren(icon(look.icon, look.spin ? 'codicon-modifier-spin' : ''), h('span', { text: look.text }));
  }

  showNotice(field: NoticeField, level: NoticeLevel, message: string): void {
    const note = this.notes[field];
    note.textContent = message;
    note.className = `field-note ${level}`;
    note.hidden = false;
    // A complaint about the headers must not hide inside the folded Request section.
    if (field === 'headers') this.request.open = true;
    if (level === 'error') this.fields[field].setAttribute('aria-invalid', 'true');
  }

  private clearNotice(field: NoticeField): void {
    this.notes[field].hidden = true;
    this.notes[field].textContent = '';
    this.fields[field].removeAttribute('aria-invalid');
  }

  /** The URL field holds something (e.g. the request restored after a reload). */
  get hasUrl(): boolean {
    return this.url.value.trim() !== '';
  }

  /** Connect as the button does (also the keyboard command). */
  connect(): void {
    const problem = streamUrlProblem(this.url.value);
    if (problem !== undefined) {
      this.showNotice('url', 'error', problem);
      this.url.focus();
      return;
    }
    for (const field of Object.keys(this.notes) as NoticeField[]) this.clearNotice(field);
    const request = this.currentRequest();
    this.secrets.connecting(request.headers);
    this.post({ type: 'connect', request });
  }

  private currentRequest(): ConnectRequest {
    return {
      url: this.url.value.trim(),
      withCredentials: this.withCredentials.checked,
      origin: this.origin.value.trim(),
      method: this.method.value,
      headers: this.headers.value,
      body: this.body.value,
      closeOn: this.closeOn.value.trim(),
      insecureTls: this.insecureTls.checked,
      reconnect: this.reconnect.value as ReconnectChoice,
    };
  }

  /** A curl command pasted into the URL field (Chrome's Copy as cURL, say) fills the whole request. */
  private pasteCurl(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!looksLikeCurl(text)) return;
    event.preventDefault();
    const pasted = requestFromCurl(text);
    if (!pasted.ok) {
      this.showNotice('url', 'error', pasted.problem);
      return;
    }
    const { url, method, headers, body, insecureTls } = pasted.fields;
    this.setRequest({ ...this.currentRequest(), url, method, headers, body, insecureTls });
    this.request.open = true;
    const skipped = pasted.ignored.length === 0 ? '' : ` Options left out: ${pasted.ignored.join(' ')}.`;
    this.showNotice(
      'url',
      'info',
      `Filled from the pasted curl command: ${method}, ${headers === '' ? 0 : headers.split('\n').length} headers.${skipped}`,
    );
  }

  /** The method list, with the request's own method added when it is not a common one. */
  private setMethods(selected: string): void {
    const methods = METHODS.includes(selected) ? METHODS : [...METHODS, selected];
    this.method.replaceChildren(...methods.map((method) => h('option', { text: method, attrs: { value: method } })));
    this.method.value = selected;
  }
}

function input(id: string, type: string, placeholder = ''): HTMLInputElement {
  const element = h('input', { attrs: { id, type, spellcheck: 'false' } });
  if (placeholder) element.placeholder = placeholder;
  return element;
}

function label(forId: string, text: string): HTMLLabelElement {
  return h('label', { className: 'grid-label', text, attrs: { for: forId } });
}

function fieldNote(field: NoticeField): HTMLDivElement {
  const note = h('div', { className: 'field-note', attrs: { id: `${field}-note`, role: 'alert' } });
  note.hidden = true;
  return note;
}
