// Where a session's records go besides the table and an export: a replay on the mock server, a scenario file.
import { replayRequest, replayScenario, scenarioFileName, scenarioFileText, servedAt } from './recording';
import type { ConnectRequest } from '../shared/protocol';
import type { SseRecord } from '../shared/record';
import type { SessionLog, SessionServices } from './sessionPorts';
import type { FieldNotice } from './connectPlan';

/** What the outputs read from the session, at the moment the user asks. */
export interface OutputSource {
  readonly id: string;
  readonly log: SessionLog;
  readonly services: SessionServices;
  records(): readonly SseRecord[];
  /** Every credential value the session has used, to blank wherever it appears. */
  secrets(): readonly string[];
  request(): ConnectRequest;
  notify(level: 'error' | 'info', notice: FieldNotice): void;
}

/** Serves the records as a replay on the extension's mock server and opens a new panel on it. */
export async function replayInMock(source: OutputSource): Promise<void> {
  const built = replayScenario(source.records(), source.secrets(), source.request());
  if (!built.ok) {
    source.notify('info', { message: `Nothing to replay. ${built.problem}` });
    return;
  }
  const original = source.request();
  const served = await source.services.replayInMock(built.value, (url) => replayRequest(original, url));
  if (!served.ok) {
    source.notify('error', { message: `Could not replay the session: ${served.problem}` });
    return;
  }
  source.log.info(`${source.id}: replaying ${built.value.attempts.length - 1} recorded connections at ${served.url}`);
  source.notify('info', { message: `Replaying this session at ${served.url} in a new panel.` });
}

/** Writes the records as an editable scenario file where the user says, and opens it. */
export async function saveAsScenario(source: OutputSource): Promise<void> {
  const now = new Date();
  const built = scenarioFileText(source.records(), source.secrets(), source.request(), now);
  if (!built.ok) {
    source.notify('info', { message: `Cannot save a scenario. ${built.problem}` });
    return;
  }
  const saved = await source.services.saveScenario(built.value, scenarioFileName(now));
  if (!saved.ok) {
    if (saved.problem !== undefined) source.notify('error', { message: saved.problem });
    return;
  }
  source.log.info(`${source.id}: saved the session as the scenario ${saved.where}`);
  source.notify('info', {
    message: `Saved the session as ${saved.where}. SSE: Start Mock Server serves it at ${servedAt(saved.where)} (restart a running one to pick it up).`,
  });
}
