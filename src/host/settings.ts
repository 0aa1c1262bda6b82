// Reads the extension's settings, with a clear complaint for values the schema would not allow.

export const DEFAULT_MAX_EVENTS = 100_000;
/** 256 MiB: room for a long session of ordinary events, far below what an extension host can hold. */
export const DEFAULT_MAX_STORE_MIB = 256;

export type SettingRead = { ok: true; value: number } | { ok: false; problem: string };

/** `sseInspector.maxEvents`; an unusable value is reported so the caller can fall back to the default. */
export function readMaxEvents(value: unknown): SettingRead {
  return readWholeNumber('sseInspector.maxEvents', value, 100, 10_000_000, '');
}

/** `sseInspector.maxStoreMiB`: how much record data a panel keeps, in MiB. */
export function readMaxStoreMiB(value: unknown): SettingRead {
  return readWholeNumber('sseInspector.maxStoreMiB', value, 1, 16_384, ' (MiB)');
}

/** `sseInspector.keptSessions`: sessions a panel keeps, the live one included. */
export function readKeptSessions(value: unknown): SettingRead {
  return readWholeNumber('sseInspector.keptSessions', value, 1, 20, ' (1 keeps only the live session)');
}

/** `sseInspector.connectTimeoutSeconds`: 0 turns the limit off. */
export function readConnectTimeoutSeconds(value: unknown): SettingRead {
  return readWholeNumber('sseInspector.connectTimeoutSeconds', value, 0, 3600, ' (0 waits as long as the server takes)');
}

/** `sseInspector.mockServer.port`. */
export function readMockPort(value: unknown): SettingRead {
  return readWholeNumber('sseInspector.mockServer.port', value, 0, 65535, ' (0 picks any free port)');
}

function readWholeNumber(setting: string, value: unknown, min: number, max: number, note: string): SettingRead {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max) {
    return { ok: true, value };
  }
  const shown = JSON.stringify(value) ?? String(value);
  return {
    ok: false,
    problem: `The setting ${setting} must be a whole number from ${min} to ${max}${note}; it is ${shown.slice(0, 40)}.`,
  };
}
