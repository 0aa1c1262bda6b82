// The provider-neutral steps an LLM stream event stands for: each format reader turns one event into these.

/** The formats recognized from the stream itself, and `json-path` for a user-given path into any JSON stream. */
export type LlmFormat = 'openai-chat' | 'openai-responses' | 'anthropic' | 'gemini' | 'json-path';

/** What a block of generated text is: the reply itself, reasoning kept apart, or a refusal. */
export type TextKind = 'text' | 'thinking' | 'refusal';

/** Token counts exactly as the provider names them (nested counts as `a.b`); deltas are not tokens. */
export type Usage = Record<string, number>;

export type Piece =
  /** Generated text appended to `block` (a key unique within the reply, e.g. a choice or content-block index). */
  | { kind: 'text'; block: string; textKind: TextKind; text: string }
  /**
   * A tool call: its first fragment names it, later ones add argument text. `whole` means the arguments came complete
   * in this one event (Gemini), so each such piece is its own call.
   */
  | { kind: 'tool'; block: string; id?: string; name?: string; args: string; whole?: boolean }
  /** The block `scope`, and every block whose key starts with `scope.`, is complete. */
  | { kind: 'end'; scope: string }
  | { kind: 'stop'; reason: string }
  | { kind: 'usage'; usage: Usage }
  | { kind: 'error'; message: string }
  /** Something worth showing in the event's row that changes nothing in the reply (model, ping, [DONE]). */
  | { kind: 'info'; text: string };

/** How one format reads an event; `undefined` means the event does not have this format's shape. */
export interface FormatReader {
  format: LlmFormat;
  read(type: string, json: unknown): Piece[] | undefined;
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Numeric fields of a usage object, one level of nesting flattened (`output_tokens_details.reasoning_tokens`). */
export function usageOf(value: unknown): Usage | undefined {
  if (!isObject(value)) return undefined;
  const usage: Usage = {};
  for (const [key, field] of Object.entries(value)) {
    if (num(field) !== undefined) usage[key] = field as number;
    else if (isObject(field)) {
      for (const [inner, count] of Object.entries(field)) if (num(count) !== undefined) usage[`${key}.${inner}`] = count as number;
    }
  }
  return Object.keys(usage).length > 0 ? usage : undefined;
}
