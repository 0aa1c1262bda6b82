// Turns anything thrown into words for a record, a log line, a notice or stderr (engine, CLI and panel alike).
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
