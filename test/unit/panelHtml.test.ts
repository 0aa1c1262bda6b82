import { strict as assert } from 'node:assert';
import { contentSecurityPolicy, newNonce, panelHtml } from '../../src/host/html';

const PARTS = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.css',
  nonce: 'bm9uY2Utb25l',
};

describe('panel HTML', () => {
  it('has the strict policy: nothing by default, styles and fonts from the webview, scripts only with the nonce', () => {
    assert.equal(
      contentSecurityPolicy(PARTS.cspSource, PARTS.nonce),
      `default-src 'none'; style-src ${PARTS.cspSource}; font-src ${PARTS.cspSource}; img-src ${PARTS.cspSource} data:; script-src 'nonce-${PARTS.nonce}'`,
    );
  });

  it('puts the policy in a meta tag and allows neither inline code nor eval', () => {
    const html = panelHtml(PARTS);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    assert.ok(meta, 'a CSP meta tag');
    assert.equal(meta[1], contentSecurityPolicy(PARTS.cspSource, PARTS.nonce));
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
  });

  it('loads exactly one script, the bundle, carrying the nonce, and the bundled stylesheet', () => {
    const html = panelHtml(PARTS);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    assert.deepEqual(scripts, [`<script nonce="${PARTS.nonce}" src="${PARTS.scriptUri}">`]);
    assert.match(html, new RegExp(`<link rel="stylesheet" href="${PARTS.styleUri.replaceAll('.', '\\.').replaceAll('+', '\\+')}">`));
    assert.match(html, /<div id="app"><\/div>/);
  });

  it('makes a fresh 128-bit nonce on every call', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    assert.equal(nonces.size, 100);
    for (const nonce of nonces) {
      assert.equal(Buffer.from(nonce, 'base64').length, 16);
    }
  });

  it('escapes attribute values, so a strange URI cannot break out of its attribute', () => {
    const html = panelHtml({ ...PARTS, scriptUri: 'https://x/"><script>alert(1)</script>' });
    assert.equal([...html.matchAll(/<script\b/g)].length, 1);
  });
});
