// A plain reading of the spec's parsing algorithm, on a whole stream at once: the oracle for fuzz tests.

export interface ReferenceEvent {
  type: string;
  data: string;
  id?: string;
  lastEventId: string;
}

export interface ReferenceResult {
  events: ReferenceEvent[];
  comments: string[];
  retries: number[];
  lastEventId: string;
}

/** Parses a complete decoded stream (BOM included, if any) as the HTML spec describes. */
export function referenceParse(stream: string, initialLastEventId = ''): ReferenceResult {
  const result: ReferenceResult = { events: [], comments: [], retries: [], lastEventId: initialLastEventId };
  const text = stream.startsWith('\uFEFF') ? stream.slice(1) : stream;
  // Only terminated lines count; whatever follows the last line end is discarded.
  const lines = text.split(/\r\n|\r|\n/);
  lines.pop();
  let data = '';
  let type = '';
  let idBuffer = initialLastEventId;
  let blockId: string | undefined;
  for (const line of lines) {
    if (line === '') {
      result.lastEventId = idBuffer;
      if (data !== '') {
        const event: ReferenceEvent = { type: type || 'message', data: data.slice(0, -1), lastEventId: idBuffer };
        result.events.push(blockId === undefined ? event : { ...event, id: blockId });
      }
      data = '';
      type = '';
      blockId = undefined;
      continue;
    }
    if (line.startsWith(':')) {
      result.comments.push(line.slice(line.startsWith(': ') ? 2 : 1));
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data += `${value}\n`;
    else if (field === 'event') type = value;
    else if (field === 'id' && !value.includes('\0')) idBuffer = blockId = value;
    else if (field === 'retry' && /^[0-9]+$/.test(value)) result.retries.push(Number(value));
  }
  return result;
}
