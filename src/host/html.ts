// The inspector webview's HTML: an empty shell, a strict Content-Security-Policy, and the bundled script.
import { randomBytes } from 'node:crypto';

export interface PanelHtmlParts {
  /** The webview's `cspSource`. */
  cspSource: string;
  /** Webview URIs (asWebviewUri) of dist/webview.js and dist/webview.css. */
  scriptUri: string;
  styleUri: string;
  /** Fresh for every render: see newNonce. */
  nonce: string;
}

/** 128 random bits, so no page content can guess which script may run. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  // No connect-src: the stream is fetched by the extension host, never by the webview.
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function panelHtml(parts: PanelHtmlParts): string {
  const csp = contentSecurityPolicy(parts.cspSource, parts.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attribute(parts.styleUri)}">
<title>SSE Inspector</title>
</head>
<body>
<div id="app"></div>
<script nonce="${attribute(parts.nonce)}" src="${attribute(parts.scriptUri)}"></script>
</body>
</html>
`;
}

function attribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
