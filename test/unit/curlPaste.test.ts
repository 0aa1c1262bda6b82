// The form's Copy as curl: its header lines are read by the one header rule, as Connect reads them.

import { strict as assert } from 'node:assert';
import { curlFromRequest } from '../../media/curlPaste';
import type { ConnectRequest } from '../../src/shared/protocol';

function request(headers: string): ConnectRequest {
  return { url: 'http://127.0.0.1:5000/sse', method: 'GET', headers, body: '' } as ConnectRequest;
}

describe('Copy as curl from the form', () => {
  it('leaves out the header lines the header rule refuses (client-managed, bad name) and keeps the others as typed', () => {
    const command = curlFromRequest(request('Accept: text/event-stream\nHost: elsewhere\nbad name: x\nno colon\nX-Trace:  a \nX-Trace: b'));
    assert.equal(command, `curl -N http://127.0.0.1:5000/sse -H 'Accept: text/event-stream' -H 'X-Trace: a' -H 'X-Trace: b'`);
  });

  it('masks a credential header that the rule accepts', () => {
    assert.match(curlFromRequest(request('Authorization: Bearer sk-1')), /-H 'Authorization: ••••••'$/);
  });
});
