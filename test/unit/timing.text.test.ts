// How the timing figures write a duration: the unit changes where the rounded value reaches it.
import { strict as assert } from 'node:assert';
import { formatMs } from '../../src/shared/timing/timingText';

describe('timing text', () => {
  it('writes durations in ms below a second and in seconds from the rounded second on, never "1000 ms" or "10.00 s"', () => {
    assert.deepEqual([0, 0.42, 37.4, 999.4, 999.6, 1100, 9994, 9996, 95_300].map(formatMs), [
      '0 ms',
      '0.4 ms',
      '37 ms',
      '999 ms',
      '1.00 s',
      '1.10 s',
      '9.99 s',
      '10.0 s',
      '95.3 s',
    ]);
  });
});
