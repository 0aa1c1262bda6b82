import { strict as assert } from 'node:assert';
import { ReplyAssembler } from '../../src/shared/llm/assembler';
import { compilePath, selectPath } from '../../src/shared/llm/jsonPath';
import type { EventRecord } from '../../src/shared/record';

const select = (path: string, json: unknown) => {
  const steps = compilePath(path);
  if ('problem' in steps) throw new Error(steps.problem);
  return selectPath(json, steps);
};

const event = (data: string, t: number): EventRecord => ({
  kind: 'event',
  seq: t,
  t,
  at: 0,
  type: 'message',
  data,
  id: null,
  lastEventId: '',
  size: data.length,
  dt: null,
});

describe('JSON path for any other JSON stream', () => {
  const doc = {
    text: 'hi',
    choices: [{ delta: { content: 'A' } }, { delta: { content: 'B' } }],
    a: { b: [0, 1, { c: 'deep' }] },
    'odd key': 7,
    'x.y': 'dotted',
  };

  const cases: Array<[string, unknown[]]> = [
    ['$.text', ['hi']],
    ['text', ['hi']],
    ['choices[0].delta.content', ['A']],
    ['$.choices[1].delta.content', ['B']],
    ['choices[*].delta.content', ['A', 'B']],
    ['choices.*.delta.content', ['A', 'B']],
    ['a.b[2].c', ['deep']],
    ['$["odd key"]', [7]],
    ["$['x.y']", ['dotted']],
    ['choices[5].delta.content', []],
    ['text.length', []],
    ['missing.deeper', []],
    ['a.b.c', []],
  ];
  for (const [path, expected] of cases) {
    it(`${path} selects ${JSON.stringify(expected)}`, () => assert.deepEqual(select(path, doc), expected));
  }

  it('never reaches inherited members such as __proto__ or constructor', () => {
    assert.deepEqual(select('constructor', {}), []);
    assert.deepEqual(select('__proto__', {}), []);
    assert.deepEqual(select('a.toString', { a: {} }), []);
  });

  const problems: Array<[string, RegExp]> = [
    ['', /selects the whole value/],
    ['$', /selects the whole value/],
    ['a..b', /expected a name at character 3/],
    ['a[x]', /bad bracket at character 2/],
    ['a]', /expected "\." or "\[" at character 2/],
    ['a[0', /bad bracket/],
  ];
  for (const [path, expected] of problems) {
    it(`refuses "${path}" and says where`, () => {
      const result = compilePath(path);
      assert.ok('problem' in result);
      assert.match(result.problem, expected);
    });
  }

  it('assembles the values at the path into the reply, skipping events without it', () => {
    const assembler = new ReplyAssembler({ path: '$.token.text' });
    const steps = [
      '{"token":{"text":"Hel"}}',
      '{"token":{"text":"lo"}}',
      '{"status":"working"}',
      'not json',
      '{"token":{"text":"!"},"done":true}',
    ].map((data, i) => assembler.push(event(data, i + 1)));
    assert.deepEqual(
      steps.map((step) => [step.recognized, step.delta]),
      [
        [true, '"Hel"'],
        [true, '"lo"'],
        [false, ''],
        [false, ''],
        [true, '"!"'],
      ],
    );
    assert.equal(assembler.reply.format, 'json-path');
    assert.deepEqual(
      assembler.reply.blocks.map((block) => block.text),
      ['Hello!'],
    );
  });

  it('takes precedence over recognition: a path on an OpenAI stream reads only that path', () => {
    const assembler = new ReplyAssembler({ path: 'id' });
    assembler.push(event('{"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"x"}}]}', 1));
    assert.equal(assembler.reply.blocks[0].text, 'c1');
  });

  it('selects every item of a 200,000-element array with [*] without overflowing the call stack', () => {
    const path = compilePath('items[*]');
    assert.ok(Array.isArray(path));
    const items = Array.from({ length: 200_000 }, (_, index) => index);
    assert.equal(selectPath({ items }, path).length, 200_000);
  });
});
