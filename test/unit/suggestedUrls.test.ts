// The URL field's offers: the running mock server and the suggested streams (npm start's mock) before the recent ones.
import { strict as assert } from 'node:assert';
import { MAX_SUGGESTED_URLS, offeredUrls, readSuggestedUrls } from '../../src/host/recentUrls';

describe('offered stream URLs', () => {
  it('reads the suggestedUrls setting as stream URLs only, trimmed, at most the maximum', () => {
    assert.deepEqual(readSuggestedUrls([' http://127.0.0.1:4000/sse ', 'ftp://x/', 7, '', 'https://a.example/events']), [
      'http://127.0.0.1:4000/sse',
      'https://a.example/events',
    ]);
    assert.deepEqual(readSuggestedUrls('http://127.0.0.1:4000/sse'), [], 'a string is not a list');
    assert.deepEqual(readSuggestedUrls(undefined), []);
    const many = Array.from({ length: MAX_SUGGESTED_URLS + 5 }, (_, n) => `http://127.0.0.1:${4000 + n}/sse`);
    assert.equal(readSuggestedUrls(many).length, MAX_SUGGESTED_URLS);
  });

  it('offers the suggested URLs first, then the recent ones, each once', () => {
    assert.deepEqual(offeredUrls(['http://m/sse', 'http://n/sse'], ['http://r/sse', 'http://m/sse']), [
      'http://m/sse',
      'http://n/sse',
      'http://r/sse',
    ]);
    assert.deepEqual(offeredUrls([], ['http://r/sse']), ['http://r/sse']);
  });
});
