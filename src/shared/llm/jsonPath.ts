// A tiny JSON path: `$.text`, `choices[0].delta.content`, `a.b[2].c`, `items[*].text`, `["odd key"]`.

/** One step: a member name, an array index, or `*` for every member or element. */
export type PathStep = string | number | { any: true };

const NAME = /^[A-Za-z_$][\w$-]*/;
const BRACKET = /^\[\s*(?:(\d+)|\*|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*\]/;

/** The steps of `text`, or a problem saying where the path stops making sense. */
export function compilePath(text: string): PathStep[] | { problem: string } {
  let rest = text.trim();
  if (rest.startsWith('$')) rest = rest.slice(1);
  const steps: PathStep[] = [];
  let first = true;
  while (rest !== '') {
    const at = text.length - rest.length;
    if (rest.startsWith('[')) {
      const match = BRACKET.exec(rest);
      if (!match) return { problem: `bad bracket at character ${at + 1} of "${text}": use [0], [*] or ["name"]` };
      if (match[1] !== undefined) steps.push(Number(match[1]));
      else if (match[2] !== undefined || match[3] !== undefined) steps.push((match[2] ?? match[3]).replace(/\\(.)/g, '$1'));
      else steps.push({ any: true });
      rest = rest.slice(match[0].length);
    } else {
      // A name follows a dot, or starts the path.
      if (rest.startsWith('.')) rest = rest.slice(1);
      else if (!first) return { problem: `expected "." or "[" at character ${at + 1} of "${text}"` };
      if (rest.startsWith('*')) {
        steps.push({ any: true });
        rest = rest.slice(1);
      } else {
        const name = NAME.exec(rest);
        if (!name) return { problem: `expected a name at character ${text.length - rest.length + 1} of "${text}"` };
        steps.push(name[0]);
        rest = rest.slice(name[0].length);
      }
    }
    first = false;
  }
  if (steps.length === 0) return { problem: `"${text}" selects the whole value: name a field, e.g. $.text` };
  return steps;
}

/** Every value the path reaches in `json`, in document order (none when a step is missing). */
export function selectPath(json: unknown, steps: readonly PathStep[]): unknown[] {
  let current: unknown[] = [json];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of current) {
      if (typeof value !== 'object' || value === null) continue;
      if (typeof step === 'object') {
        // One by one: spreading a 200,000-element array into push() overflows the call stack.
        for (const item of Array.isArray(value) ? value : Object.values(value)) next.push(item);
      } else if (typeof step === 'number') {
        if (Array.isArray(value) && step < value.length) next.push(value[step]);
      } else if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, step)) {
        next.push((value as Record<string, unknown>)[step]);
      }
    }
    current = next;
  }
  return current;
}
