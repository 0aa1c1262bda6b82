// The client-side check that a stream URL is an absolute http(s) URL, before anything is posted to the extension.

export type UrlCheck = { ok: true; url: string } | { ok: false; message: string };

export function checkStreamUrl(input: string): UrlCheck {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter the URL of an event stream, e.g. http://127.0.0.1:3000/sse.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `“${text}” is not an absolute URL; it must start with http:// or https://.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `Only http:// and https:// URLs can be inspected, not ${url.protocol} URLs.` };
  }
  return { ok: true, url: text };
}
