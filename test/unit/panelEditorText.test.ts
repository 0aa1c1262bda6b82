// Open in editor: JSON data opens pretty-printed as json, anything else as it came, as plain text.
import { strict as assert } from 'node:assert';
import { editorDocument } from '../../src/session/editorText';

describe('Open in editor text', () => {
  it('pretty-prints JSON objects and arrays with two spaces, as json', () => {
    assert.deepEqual(editorDocument('{"type":"content_block_delta","delta":{"text":"Hi"}}'), {
      content: '{\n  "type": "content_block_delta",\n  "delta": {\n    "text": "Hi"\n  }\n}\n',
      language: 'json',
    });
    assert.deepEqual(editorDocument('[1,2]'), { content: '[\n  1,\n  2\n]\n', language: 'json' });
  });

  it('keeps a JSON scalar as sent, and text that is not JSON as it came, line breaks included', () => {
    assert.deepEqual(editorDocument('"just a string"'), { content: '"just a string"', language: 'json' });
    assert.deepEqual(editorDocument('line one\r\nline two\n{'), { content: 'line one\r\nline two\n{', language: 'plaintext' });
  });
});
