// A panel's export: every kept record or only the rows the filter shows, written redacted, and the file it went to (for Open).
import type { SeqRanges } from '../shared/protocol';
import type { SseRecord } from '../shared/record';
import { formatExport, type ExportFormat } from './exportRecords';

/** The records whose seq falls in one of `ranges` (ascending, non-overlapping); undefined ranges keeps them all. */
export function pickRows(records: readonly SseRecord[], ranges: SeqRanges | undefined): SseRecord[] {
  if (ranges === undefined) return [...records];
  const picked: SseRecord[] = [];
  let range = 0;
  // Records are in seq order, so one pass over both lists is enough.
  for (const record of records) {
    while (range < ranges.length && ranges[range][1] < record.seq) range++;
    if (range === ranges.length) break;
    if (record.seq >= ranges[range][0]) picked.push(record);
  }
  return picked;
}

export interface ExportOutcome {
  /** What the banner says. */
  message: string;
  /** Where the file went; undefined when nothing was written. */
  target?: string;
}

/** Picks, redacts and saves; says what happened in the user's words. */
export async function exportRows(
  kept: readonly SseRecord[],
  format: ExportFormat,
  ranges: SeqRanges | undefined,
  secrets: readonly string[],
  save: (text: string, format: ExportFormat) => Promise<string | undefined>,
): Promise<ExportOutcome | undefined> {
  const records = pickRows(kept, ranges);
  if (records.length === 0) {
    return { message: kept.length === 0 ? 'There are no records to export yet.' : 'No kept record matches the filter: nothing to export.' };
  }
  const target = await save(formatExport(records, format, secrets), format);
  if (target === undefined) return undefined;
  const which = ranges === undefined ? '' : 'filtered ';
  return { message: `Exported ${records.length} ${which}${records.length === 1 ? 'record' : 'records'} to ${target}.`, target };
}
