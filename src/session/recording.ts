// A panel session's records as a recording: a scenario the mock replays, or an editable scenario file.
import { isEventSourceLike, sendsAgain } from '../engine/reconnectPolicy';
import { recordsToScenario } from '../mock/replay';
import { pathFromFileName } from '../mock/scenario/load';
import type { Scenario } from '../mock/scenario/types';
import { parseScenario } from '../mock/scenario/validate';
import type { ConnectRequest } from '../shared/protocol';
import type { SseRecord } from '../shared/record';
import { maskSecrets, redactUrlParams } from '../shared/redact';
import { withoutCredentials } from './exportRecords';
import { scenarioText } from './scenarioText';

export type Built<T> = { ok: true; value: T } | { ok: false; problem: string };

/** The URL the session connected to, as a description may show it: credential values out. */
function shownUrl(records: readonly SseRecord[], request: ConnectRequest, secrets: readonly string[]): string {
  const open = records.find((record) => record.kind === 'open');
  return maskSecrets(redactUrlParams(open?.kind === 'open' ? open.url : request.url), secrets);
}

/** Records as export writes them (credential headers and values out), made into a scenario at the recorded pace. */
function scenarioOf(records: readonly SseRecord[], secrets: readonly string[], source: string): Built<Scenario> {
  if (records.length === 0) return { ok: false, problem: 'There are no records yet: connect first.' };
  try {
    return {
      ok: true,
      value: recordsToScenario(
        records.map((record) => withoutCredentials(record, secrets)),
        source,
        1,
      ),
    };
  } catch {
    return {
      ok: false,
      problem: 'No response was recorded (no open row, and no error with an HTTP status), so there is no connection to play again.',
    };
  }
}

/** What the mock serves for Replay in mock server: the recorded connections, statuses, headers, events and pauses. */
export function replayScenario(records: readonly SseRecord[], secrets: readonly string[], request: ConnectRequest): Built<Scenario> {
  // The mock keeps its last few replays in memory: each is bounded, in UTF-16 units of its event data.
  let size = 0;
  for (const record of records) if (record.kind === 'event') size += record.data.length;
  if (size > MAX_REPLAY_CHARS) {
    return {
      ok: false,
      problem: `The session's event data (${Math.round(size / 1024 / 1024)} Mi characters) is over the ${MAX_REPLAY_CHARS / 1024 / 1024} Mi a replay keeps: export it as NDJSON and serve it with sse-inspector mock --replay FILE.`,
    };
  }
  return scenarioOf(records, secrets, shownUrl(records, request, secrets));
}

/** Event data a panel's replay may hold; the mock keeps its last ten replays. */
export const MAX_REPLAY_CHARS = 16 * 1024 * 1024;

/**
 * The request of the panel that watches a replay: a plain GET of the replay's URL that ends as the recorded session
 * ended, so a request the original sent once (a POST under auto, anything under never) is not sent again either.
 */
export function replayRequest(original: ConnectRequest, url: string): ConnectRequest {
  const choice = original.reconnect ?? 'auto';
  const sentOnce = !sendsAgain(choice, isEventSourceLike(original.method, original.body));
  return {
    url,
    withCredentials: false,
    origin: '',
    method: 'GET',
    headers: '',
    body: '',
    closeOn: original.closeOn,
    reconnect: sentOnce ? 'never' : choice,
  };
}

/**
 * The text of Save as scenario: the recording as an editable scenario file, checked by the same validator the mock
 * server uses, so a file the mock would refuse (over 1 MiB, too many steps) is never written.
 */
export function scenarioFileText(
  records: readonly SseRecord[],
  secrets: readonly string[],
  request: ConnectRequest,
  now: Date,
): Built<string> {
  const url = shownUrl(records, request, secrets);
  const built = scenarioOf(records, secrets, url);
  if (!built.ok) return built;
  const text = scenarioText({ description: `Recorded from ${url} on ${now.toISOString()}`, attempts: built.value.attempts });
  const checked = parseScenario(new TextEncoder().encode(text), 'The scenario');
  if (!checked.ok) {
    return {
      ok: false,
      problem: `${checked.error}. Export the session as NDJSON instead and serve it with "sse-inspector mock --replay FILE".`,
    };
  }
  return { ok: true, value: text };
}

/** e.g. sse-recording-2025-01-31T12-30-05.sse.json: sortable, valid everywhere, and matched by the default glob. */
export function scenarioFileName(now: Date): string {
  return `sse-recording-${now.toISOString().slice(0, 19).replaceAll(':', '-')}.sse.json`;
}

/** Where Start Mock Server serves a saved file, and a hint when its name keeps the editor and the mock away. */
export function servedAt(file: string): string {
  const hint = /\.sse\.json$/i.test(file) ? '' : ' (name it *.sse.json for the editor to check it)';
  return `${pathFromFileName(file)}${hint}`;
}
