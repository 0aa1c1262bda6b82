// Reads OpenAI Responses API stream events (`response.*`, named like their JSON `type`).
import { isObject, num, str, usageOf, type FormatReader, type Json, type Piece } from './pieces';

/** Keys: an output item is `o<output_index>`; its text parts and summaries are keyed below it. */
const item = (json: Json) => `o${num(json.output_index) ?? 0}`;

function finished(response: unknown): Piece[] {
  if (!isObject(response)) return [];
  const pieces: Piece[] = [];
  const incomplete = isObject(response.incomplete_details) ? str(response.incomplete_details.reason) : undefined;
  const status = str(response.status);
  if (incomplete !== undefined || status !== undefined) pieces.push({ kind: 'stop', reason: incomplete ?? (status as string) });
  if (isObject(response.error)) {
    const code = str(response.error.code);
    pieces.push({ kind: 'error', message: `${code === undefined ? '' : `${code}: `}${str(response.error.message) ?? 'response failed'}` });
  }
  const usage = usageOf(response.usage);
  if (usage) pieces.push({ kind: 'usage', usage });
  return pieces;
}

function addedItem(key: string, added: Json): Piece[] {
  if (added.type === 'function_call' || added.type === 'custom_tool_call') {
    return [{ kind: 'tool', block: key, id: str(added.call_id) ?? str(added.id), name: str(added.name), args: str(added.arguments) ?? '' }];
  }
  return [{ kind: 'info', text: `item ${String(added.type)}` }];
}

function readEvent(type: string, json: Json): Piece[] {
  const key = item(json);
  switch (type) {
    case 'response.output_text.delta':
      return [{ kind: 'text', block: `${key}.c${num(json.content_index) ?? 0}`, textKind: 'text', text: str(json.delta) ?? '' }];
    case 'response.refusal.delta':
      return [{ kind: 'text', block: `${key}.c${num(json.content_index) ?? 0}`, textKind: 'refusal', text: str(json.delta) ?? '' }];
    case 'response.reasoning_summary_text.delta':
      return [{ kind: 'text', block: `${key}.s${num(json.summary_index) ?? 0}`, textKind: 'thinking', text: str(json.delta) ?? '' }];
    case 'response.reasoning_text.delta':
      return [{ kind: 'text', block: `${key}.r${num(json.content_index) ?? 0}`, textKind: 'thinking', text: str(json.delta) ?? '' }];
    case 'response.function_call_arguments.delta':
    case 'response.custom_tool_call_input.delta':
      return [{ kind: 'tool', block: key, args: str(json.delta) ?? '' }];
    case 'response.output_item.added':
      return isObject(json.item) ? addedItem(key, json.item) : [];
    case 'response.output_item.done':
      return [{ kind: 'end', scope: key }];
    case 'response.created':
    case 'response.in_progress': {
      const model = isObject(json.response) ? str(json.response.model) : undefined;
      return [{ kind: 'info', text: `${type.slice('response.'.length)}${model === undefined ? '' : ` ${model}`}` }];
    }
    case 'response.completed':
    case 'response.failed':
    case 'response.incomplete':
      return finished(json.response);
    default:
      // .done events repeat the whole text; the deltas already built it.
      return [{ kind: 'info', text: type.slice('response.'.length) }];
  }
}

export const openaiResponses: FormatReader = {
  format: 'openai-responses',
  read(type, json) {
    if (!isObject(json) || typeof json.type !== 'string' || !json.type.startsWith('response.')) return undefined;
    // The event name equals the JSON's type; a proxy that drops names leaves `message`.
    if (type !== json.type && type !== 'message') return undefined;
    return readEvent(json.type, json);
  },
};
