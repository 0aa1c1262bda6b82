import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parseScenario, validateScenario } from '../../src/mock/scenario/validate';
import { compileAttempt } from '../../src/mock/scenario/compile';
import { BUILT_IN_SCENARIOS } from '../../src/mock/scenario/builtIn';
import { MAX_SCENARIO_BYTES, type Scenario } from '../../src/mock/scenario/types';
import { schemaErrors } from './support/miniSchema';

const schema = JSON.parse(readFileSync('schemas/scenario.schema.json', 'utf8')) as Record<string, unknown>;
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const body = (scenario: Scenario, index = 0, lastEventId?: string): string =>
  Buffer.concat(compileAttempt(scenario, scenario.attempts[index]!, lastEventId).steps.map((s) => s.text)).toString('latin1');

const MISTAKES: Array<[string, unknown, string]> = [
  ['no attempts', {}, 'at /attempts (JSON pointer): must be a non-empty array'],
  [
    'an unknown step',
    { attempts: [{ steps: [{ data: 'a' }, { sleep: 5 }] }] },
    'at /attempts/0/steps/1/sleep (JSON pointer): unknown step',
  ],
  ['a step with two kinds', { attempts: [{ steps: [{ wait: 1, drop: true }] }] }, 'at /attempts/0/steps/0 (JSON pointer)'],
  ['a bad line ending', { transport: { lineEnding: 'crcr' }, attempts: [{}] }, 'at /transport/lineEnding'],
  ['a line break in an id', { attempts: [{ steps: [{ id: 'a\nb', data: 'x' }] }] }, 'at /attempts/0/steps/0/id'],
  ['a status out of range', { attempts: [{ status: 99 }] }, 'at /attempts/0/status'],
  ['a header with a line break', { attempts: [{ headers: { 'X-A': 'a\r\nb' } }] }, 'at /attempts/0/headers/X-A'],
  ['a header value node:http would refuse', { attempts: [{ headers: { 'X-A': 'caf\u00e9 \u2713' } }] }, 'at /attempts/0/headers/X-A'],
  ['an unknown top-level property', { attempt: [] }, 'at /attempt (JSON pointer): unknown property'],
  ['a negative wait', { attempts: [{ steps: [{ wait: -1 }] }] }, 'at /attempts/0/steps/0/wait'],
];

describe('mock scenarios: format and validation', () => {
  for (const [what, value, message] of MISTAKES) {
    it(`refuses ${what}, naming the file and the JSON pointer; the schema refuses it too`, () => {
      const result = validateScenario(value, 'bad.sse.json');
      assert.equal(result.ok, false);
      assert.ok(!result.ok && result.error.startsWith('bad.sse.json: ') && result.error.includes(message), JSON.stringify(result));
      assert.notDeepEqual(schemaErrors(schema, value), [], 'the schema accepts what the validator refuses');
    });
  }

  it('names the line and column of a JSON syntax error', () => {
    const result = parseScenario(bytes('{\n  "attempts": [\n    {,}\n  ]\n}'), 'x.sse.json');
    assert.ok(!result.ok && /^x\.sse\.json: at line 3, column \d+: not valid JSON/.test(result.error), JSON.stringify(result));
  });

  it('refuses a file over the size cap before parsing it', () => {
    const result = parseScenario(new Uint8Array(MAX_SCENARIO_BYTES + 1), 'big.sse.json');
    assert.ok(!result.ok && result.error.includes('too large'), JSON.stringify(result));
  });

  for (const { path, scenario } of BUILT_IN_SCENARIOS) {
    it(`built-in ${path} passes both the validator and the contributed JSON Schema`, () => {
      const value = JSON.parse(JSON.stringify(scenario)) as unknown;
      assert.deepEqual(validateScenario(value, path), { ok: true, scenario: value });
      assert.deepEqual(schemaErrors(schema, value), []);
    });
  }
});

describe('mock scenarios: bytes', () => {
  const steps: Scenario['attempts'][number]['steps'] = [
    { retry: 10 },
    { comment: 'hi' },
    { event: 'e', id: '1', data: 'a\nb' },
    { raw: 'data: x\r\r' },
  ];

  it('writes events, retry, comments and raw bytes as given (LF)', () => {
    assert.equal(body({ attempts: [{ steps }] }), 'retry: 10\n\n: hi\n\nevent: e\nid: 1\ndata: a\ndata: b\n\ndata: x\r\r');
  });

  it('applies CRLF and a BOM to generated lines but leaves raw bytes alone', () => {
    const text = body({ transport: { lineEnding: 'crlf', bom: true }, attempts: [{ steps }] });
    assert.equal(text, '\xef\xbb\xbfretry: 10\r\n\r\n: hi\r\n\r\nevent: e\r\nid: 1\r\ndata: a\r\ndata: b\r\n\r\ndata: x\r\r');
  });

  it('gives the same bytes and pauses for the same scenario every time', () => {
    const scenario = BUILT_IN_SCENARIOS.find((s) => s.path === '/scenario/torture')!.scenario;
    assert.deepEqual(
      compileAttempt(scenario, scenario.attempts[0]!, undefined),
      compileAttempt(scenario, scenario.attempts[0]!, undefined),
    );
  });

  it('splits a multibyte character across writes when chunking a byte at a time, with the trickle between them', () => {
    const compiled = compileAttempt({ transport: { chunkBytes: 1, trickleMs: 3 }, attempts: [{}] }, { steps: [{ data: 'é' }] }, undefined);
    assert.equal(compiled.steps.length, 'data: é\n\n'.length + 1);
    assert.deepEqual([...compiled.steps[6]!.text], [0xc3]);
    assert.deepEqual([...compiled.steps[7]!.text], [0xa9]);
    assert.deepEqual(
      compiled.steps.map((s) => s.delayMs),
      [0, ...Array(9).fill(3)],
    );
  });

  it('buffers like a proxy: what is due within a window goes out together at its end', () => {
    const compiled = compileAttempt(
      { transport: { bufferMs: 100 }, attempts: [{}] },
      { steps: [{ data: 'a' }, { wait: 30 }, { data: 'b' }, { wait: 90 }, { data: 'c' }, { drop: true }] },
      undefined,
    );
    assert.deepEqual(
      compiled.steps.map((s) => [s.delayMs, Buffer.from(s.text).toString(), s.drop === true]),
      [
        [100, 'data: a\n\ndata: b\n\n', false],
        [100, 'data: c\n\n', true],
      ],
    );
  });

  it('resumes after the Last-Event-ID when the attempt says so, and from the start for an unknown id', () => {
    const scenario: Scenario = {
      attempts: [
        {
          resume: true,
          steps: [
            { id: '1', data: 'a' },
            { id: '2', data: 'b' },
          ],
        },
      ],
    };
    assert.equal(body(scenario, 0, '1'), 'id: 2\ndata: b\n\n');
    assert.equal(body(scenario, 0, 'zzz'), 'id: 1\ndata: a\n\nid: 2\ndata: b\n\n');
  });
});
