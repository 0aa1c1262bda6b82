// Reads Google Gemini `streamGenerateContent?alt=sse` events: each one a whole GenerateContentResponse.
import { isObject, num, str, usageOf, type FormatReader, type Json, type Piece } from './pieces';

function readPart(key: string, part: unknown): Piece[] {
  if (!isObject(part)) return [];
  const text = str(part.text);
  if (text)
    return [
      { kind: 'text', block: part.thought === true ? `${key}.thinking` : key, textKind: part.thought === true ? 'thinking' : 'text', text },
    ];
  if (isObject(part.functionCall)) {
    const call = part.functionCall;
    // Gemini sends a call whole: its arguments are already an object.
    return [
      { kind: 'tool', block: `${key}.tool`, id: str(call.id), name: str(call.name), args: JSON.stringify(call.args ?? {}), whole: true },
    ];
  }
  return [];
}

function readCandidate(candidate: Json, position: number): Piece[] {
  const key = String(num(candidate.index) ?? position);
  const content = isObject(candidate.content) ? candidate.content : {};
  const pieces = Array.isArray(content.parts) ? content.parts.flatMap((part: unknown) => readPart(key, part)) : [];
  const finish = str(candidate.finishReason);
  if (finish !== undefined) pieces.push({ kind: 'stop', reason: finish }, { kind: 'end', scope: key });
  return pieces;
}

export const gemini: FormatReader = {
  format: 'gemini',
  read(_type, json) {
    if (!isObject(json) || !(Array.isArray(json.candidates) || isObject(json.usageMetadata) || isObject(json.promptFeedback)))
      return undefined;
    const candidates = Array.isArray(json.candidates) ? json.candidates : [];
    const pieces = candidates.flatMap((candidate: unknown, position) => (isObject(candidate) ? readCandidate(candidate, position) : []));
    const blocked = isObject(json.promptFeedback) ? str(json.promptFeedback.blockReason) : undefined;
    if (blocked !== undefined) pieces.push({ kind: 'stop', reason: `prompt blocked: ${blocked}` });
    const usage = usageOf(json.usageMetadata);
    if (usage) pieces.push({ kind: 'usage', usage });
    return pieces;
  },
};
