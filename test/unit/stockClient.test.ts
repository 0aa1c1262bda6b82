import { strict as assert } from 'node:assert';
import { EventSource, type EventSourceFetchInit } from 'eventsource';
import { MockServer } from '../../src/mock/mockServer';

interface Heard {
  messages: string[];
  endData: string | undefined;
}

/** Listens as the document's client does: message events, then close on the custom `end` event. */
function listen(source: EventSource): Promise<Heard> {
  return new Promise((resolve, reject) => {
    const heard: Heard = { messages: [], endData: undefined };
    source.addEventListener('message', (event) => heard.messages.push(event.data));
    source.addEventListener('end', (event) => {
      heard.endData = event.data;
      source.close();
      resolve(heard);
    });
    source.addEventListener('error', () => {
      source.close();
      reject(new Error(`stock EventSource reported an error after ${heard.messages.length} messages`));
    });
  });
}

const DOCUMENT_MESSAGES = Array.from({ length: 10 }, (_, i) => `{"message": "Hello SSE ${i + 1}"}`);

describe('stock client (npm eventsource) against the mock server', () => {
  let server: MockServer;
  before(async () => {
    server = await MockServer.start({ port: 0 });
  });
  after(() => server.stop());

  it('receives the document sequence: ten messages, then the end event', async () => {
    const heard = await listen(new EventSource(`${server.url}/sse?interval=20`));
    assert.deepEqual(heard.messages, DOCUMENT_MESSAGES);
    assert.deepEqual(
      heard.messages.map((data) => (JSON.parse(data) as { message: string }).message),
      DOCUMENT_MESSAGES.map((_, i) => `Hello SSE ${i + 1}`),
    );
    assert.equal(heard.endData, '{}');
  });

  it('receives it with withCredentials on, the server allowing the page origin with credentials', async () => {
    const origin = 'http://page.example:5173';
    const seen: Array<{ allowOrigin: string | null; allowCredentials: string | null }> = [];
    // Node adds no Origin header as a browser would (and the package sets the credentials mode only in a
    // browser), so this fetch adds the page's Origin and notes the CORS answer a browser would judge.
    const fetchWithOrigin = async (url: string | URL, init: EventSourceFetchInit) => {
      const response = await fetch(url, { ...init, headers: { ...init.headers, Origin: origin } });
      seen.push({
        allowOrigin: response.headers.get('access-control-allow-origin'),
        allowCredentials: response.headers.get('access-control-allow-credentials'),
      });
      return response;
    };
    const source = new EventSource(`${server.url}/sse?interval=20`, { withCredentials: true, fetch: fetchWithOrigin });
    assert.equal(source.withCredentials, true);
    const heard = await listen(source);
    assert.deepEqual(heard.messages, DOCUMENT_MESSAGES);
    assert.equal(heard.endData, '{}');
    assert.deepEqual(seen, [{ allowOrigin: origin, allowCredentials: 'true' }]);
  });

  it('receives the ASP.NET Core variant despite its "text/event-stream;" content type', async () => {
    const heard = await listen(new EventSource(`${server.url}/sse?interval=20&variant=core`));
    assert.deepEqual(heard.messages, DOCUMENT_MESSAGES);
  });
});
