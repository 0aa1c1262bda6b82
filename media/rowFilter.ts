// Turns the filter box, the regex switch, the chips and the comments toggle into one test per record.

import type { SseRecord } from '../src/shared/record';
import { isHiddenByDefault, rowSummary, typeLabel } from './recordText';
import type { RecordTest } from './tableModel';

export interface FilterSettings {
  text: string;
  regex: boolean;
  hiddenChips: readonly string[];
  showCommentsAndRetry: boolean;
}

export interface CompiledFilter {
  test: RecordTest;
  /** Set when the regex does not compile; the text part of the filter is then off. */
  error?: string;
}

/** The texts the filter box searches: type, id and data (the raw payload for events, the summary otherwise). */
function searchedTexts(record: SseRecord): string[] {
  return record.kind === 'event' ? [record.type, record.id ?? '', record.data] : [typeLabel(record), rowSummary(record)];
}

export function compileFilter(settings: FilterSettings, chipOf: (record: SseRecord) => string | undefined): CompiledFilter {
  let matchText: ((text: string) => boolean) | undefined;
  let error: string | undefined;
  if (settings.text !== '') {
    if (settings.regex) {
      try {
        const pattern = new RegExp(settings.text, 'i');
        matchText = (text) => pattern.test(text);
      } catch (problem) {
        // The engine's SyntaxError already reads "Invalid regular expression: /…/i: <why>".
        const why = problem instanceof Error ? problem.message : String(problem);
        error = why.startsWith('Invalid regular expression') ? why : `Invalid regular expression: ${why}`;
      }
    } else {
      const needle = settings.text.toLowerCase();
      matchText = (text) => text.toLowerCase().includes(needle);
    }
  }
  const hidden = new Set(settings.hiddenChips);
  const test: RecordTest = (record) => {
    if (isHiddenByDefault(record) && !settings.showCommentsAndRetry) return false;
    const chip = chipOf(record);
    if (chip !== undefined && hidden.has(chip)) return false;
    return matchText === undefined || searchedTexts(record).some(matchText);
  };
  return error === undefined ? { test } : { test, error };
}
