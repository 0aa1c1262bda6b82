// Turns anything thrown into words for a log line or a notice.
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
