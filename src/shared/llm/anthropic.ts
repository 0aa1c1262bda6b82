// Reads Anthropic Messages stream events (message_start … message_stop, ping, error).
import { isObject, num, str, usageOf, type FormatReader, type Json, type Piece } from './pieces';

/** Event types only this format uses; `ping` and `error` count only when the event name says so too. */
const OWN_TYPES = new Set([
  'message_start',
  'content_block_start',
  'content_block_delta',
  'content_block_stop',
  'message_delta',
  'message_stop',
]);

function blockStart(key: string, block: Json): Piece[] {
  switch (block.type) {
    case 'text':
      return str(block.text)
        ? [{ kind: 'text', block: key, textKind: 'text', text: block.text as string }]
        : [{ kind: 'info', text: 'block text' }];
    case 'thinking':
      return str(block.thinking)
        ? [{ kind: 'text', block: key, textKind: 'thinking', text: block.thinking as string }]
        : [{ kind: 'info', text: 'block thinking' }];
    case 'redacted_thinking':
      return [{ kind: 'text', block: key, textKind: 'thinking', text: '[redacted thinking]' }];
    case 'tool_use':
    case 'server_tool_use': {
      // `input` is {} here; the arguments follow as input_json_delta fragments.
      return [{ kind: 'tool', block: key, id: str(block.id), name: str(block.name), args: '' }];
    }
    default:
      return [{ kind: 'info', text: `block ${String(block.type)}` }];
  }
}

function blockDelta(key: string, delta: Json): Piece[] {
  switch (delta.type) {
    case 'text_delta':
      return [{ kind: 'text', block: key, textKind: 'text', text: str(delta.text) ?? '' }];
    case 'thinking_delta':
      return [{ kind: 'text', block: key, textKind: 'thinking', text: str(delta.thinking) ?? '' }];
    case 'input_json_delta':
      return [{ kind: 'tool', block: key, args: str(delta.partial_json) ?? '' }];
    case 'signature_delta':
      return [{ kind: 'info', text: 'signature' }];
    default:
      return [{ kind: 'info', text: String(delta.type) }];
  }
}

function readOwn(json: Json): Piece[] {
  const key = String(num(json.index) ?? 0);
  switch (json.type) {
    case 'message_start': {
      const message = isObject(json.message) ? json.message : {};
      const pieces: Piece[] = [{ kind: 'info', text: `message_start ${str(message.model) ?? ''}`.trim() }];
      const usage = usageOf(message.usage);
      if (usage) pieces.push({ kind: 'usage', usage });
      return pieces;
    }
    case 'content_block_start':
      return isObject(json.content_block) ? blockStart(key, json.content_block) : [];
    case 'content_block_delta':
      return isObject(json.delta) ? blockDelta(key, json.delta) : [];
    case 'content_block_stop':
      return [{ kind: 'end', scope: key }];
    case 'message_delta': {
      const pieces: Piece[] = [];
      const reason = isObject(json.delta) ? str(json.delta.stop_reason) : undefined;
      if (reason !== undefined) pieces.push({ kind: 'stop', reason });
      const usage = usageOf(json.usage);
      if (usage) pieces.push({ kind: 'usage', usage });
      return pieces;
    }
    default:
      return [{ kind: 'info', text: 'message_stop' }];
  }
}

export const anthropic: FormatReader = {
  format: 'anthropic',
  read(type, json) {
    if (!isObject(json)) return undefined;
    if (typeof json.type === 'string' && OWN_TYPES.has(json.type)) return readOwn(json);
    if (json.type === 'ping' && type === 'ping') return [{ kind: 'info', text: 'ping' }];
    return undefined;
  },
};
