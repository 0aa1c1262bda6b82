// What counts as a stream URL or a page origin, in words for the user: one rule for the engine, the panel,
// the webview's URL field and the CLI.

/** Why `text` cannot be connected to, in words for the URL field; undefined when it can. */
export function streamUrlProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return 'Enter the URL of an event stream, e.g. http://127.0.0.1:8080/sse.';
  }
  if (/^[a-z0-9.-]+:\d+(?:[/?#]|$)/i.test(trimmed)) {
    // "localhost:8080/sse" would parse as the scheme "localhost:"; the user meant a host and port.
    return `Add the scheme in front: http://${abbreviate(trimmed)}`;
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return `"${abbreviate(trimmed)}" is not a URL. Write it in full, e.g. http://127.0.0.1:8080/sse.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `Only http: and https: URLs can be inspected, as with EventSource; this one is ${url.protocol}`;
  }
  if (url.username !== '' || url.password !== '') {
    // fetch refuses such URLs, and a password would end up in the recent list and the window state.
    return 'Remove the user name and password from the URL; put credentials in the Request section instead.';
  }
  return undefined;
}

/**
 * The origin in canonical form (`scheme://host[:port]`), "" for none, or undefined when it is not one. A page URL
 * gives its own origin, as the browser showing that page would send it.
 */
export function normalizeOrigin(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return '';
  }
  try {
    const url = new URL(trimmed);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '') {
      return url.origin;
    }
  } catch {
    // Not a URL at all: reported below like any other non-origin.
  }
  return undefined;
}

export function originProblem(text: string): string {
  return `"${abbreviate(text.trim())}" is not a page origin. Write scheme, host and port, e.g. https://app.example.com or http://localhost:3000.`;
}

function abbreviate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
