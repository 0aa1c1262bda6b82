import { strict as assert } from 'node:assert';
import { assertNever } from '../../src/shared/record';

describe('record', () => {
  it('assertNever throws on an unexpected value', () => {
    assert.throws(() => assertNever('x' as never), /Unexpected value/);
  });
});
