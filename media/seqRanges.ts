// The rows the table shows, as seq ranges: what a filtered export asks the extension for, compactly.

import type { SeqRanges } from '../src/shared/protocol';
import type { TableModel } from './tableModel';

/** Every row that passes the filter and chips (paused or not), consecutive seqs merged into one range. */
export function shownSeqRanges(model: TableModel): SeqRanges {
  const ranges: SeqRanges = [];
  for (let row = 0; row < model.length; row++) {
    const seq = model.recordAt(row).seq;
    const last = ranges.at(-1);
    if (last !== undefined && seq === last[1] + 1) last[1] = seq;
    else if (last === undefined || seq > last[1]) ranges.push([seq, seq]);
  }
  return ranges;
}
