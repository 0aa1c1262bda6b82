// Reads OpenAI Chat Completions chunks (and compatible servers: vLLM, llama.cpp, Ollama /v1, DeepSeek, Groq …).
import { isObject, num, str, usageOf, type FormatReader, type Json, type Piece } from './pieces';

/** A chunk by its `object` name, or, for servers that leave it out, by choices that all carry a delta. */
function isChunk(json: Json): boolean {
  if (json.object === 'chat.completion.chunk') return true;
  const choices = json.choices;
  return Array.isArray(choices) && choices.length > 0 && choices.every((choice) => isObject(choice) && isObject(choice.delta));
}

function readChoice(choice: Json, position: number, pieces: Piece[]): void {
  const key = String(num(choice.index) ?? position);
  const delta = isObject(choice.delta) ? choice.delta : {};
  const role = str(delta.role);
  if (role !== undefined) pieces.push({ kind: 'info', text: `role ${role}` });
  // DeepSeek sends reasoning_content, OpenRouter and others reasoning: both are thinking, kept apart from the reply.
  const reasoning = str(delta.reasoning_content) ?? str(delta.reasoning);
  if (reasoning) pieces.push({ kind: 'text', block: `${key}.thinking`, textKind: 'thinking', text: reasoning });
  const content = str(delta.content);
  if (content) pieces.push({ kind: 'text', block: key, textKind: 'text', text: content });
  const refusal = str(delta.refusal);
  if (refusal) pieces.push({ kind: 'text', block: `${key}.refusal`, textKind: 'refusal', text: refusal });
  if (Array.isArray(delta.tool_calls)) {
    delta.tool_calls.forEach((call: unknown, at) => {
      if (!isObject(call)) return;
      const fn = isObject(call.function) ? call.function : {};
      // Fragments are keyed by index; only the first carries id and name.
      pieces.push({
        kind: 'tool',
        block: `${key}.tool.${num(call.index) ?? at}`,
        id: str(call.id),
        name: str(fn.name),
        args: str(fn.arguments) ?? '',
      });
    });
  }
  const finish = str(choice.finish_reason);
  if (finish !== undefined) {
    pieces.push({ kind: 'stop', reason: finish });
    pieces.push({ kind: 'end', scope: key });
  }
}

export const openaiChat: FormatReader = {
  format: 'openai-chat',
  read(_type, json) {
    if (!isObject(json) || !isChunk(json)) return undefined;
    const pieces: Piece[] = [];
    const choices = Array.isArray(json.choices) ? json.choices : [];
    choices.forEach((choice: unknown, position) => {
      if (isObject(choice)) readChoice(choice, position, pieces);
    });
    // With stream_options.include_usage the last chunk has `choices: []` and the usage.
    const usage = usageOf(json.usage);
    if (usage) pieces.push({ kind: 'usage', usage });
    return pieces;
  },
};
