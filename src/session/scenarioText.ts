// Writes a scenario as JSON a person can edit: attempts indented as usual, each step on a line of its own.
import type { Attempt, Scenario } from '../mock/scenario/types';

/** `{ "a": 1, "b": "x" }`: an object on one line, spaced as people write it. */
function inline(value: object): string {
  const fields = Object.entries(value).filter(([, field]) => field !== undefined);
  if (fields.length === 0) return '{}';
  return `{ ${fields.map(([key, field]) => `${JSON.stringify(key)}: ${typeof field === 'object' && field !== null && !Array.isArray(field) ? inline(field as object) : JSON.stringify(field)}`).join(', ')} }`;
}

function attemptText(attempt: Attempt): string {
  const { steps, ...rest } = attempt;
  if (steps === undefined || steps.length === 0) return `    ${inline(rest)}`;
  const fields = Object.entries(rest)
    .filter(([, field]) => field !== undefined)
    .map(([key, field]) => `      ${JSON.stringify(key)}: ${typeof field === 'object' ? inline(field as object) : JSON.stringify(field)},`);
  const stepLines = steps.map((step, i) => `        ${inline(step)}${i < steps.length - 1 ? ',' : ''}`);
  return ['    {', ...fields, '      "steps": [', ...stepLines, '      ]', '    }'].join('\n');
}

/** The scenario's JSON text; it parses back to an equal scenario. */
export function scenarioText(scenario: Scenario): string {
  const { attempts, ...rest } = scenario;
  const head = Object.entries(rest)
    .filter(([, field]) => field !== undefined)
    .map(([key, field]) => `  ${JSON.stringify(key)}: ${typeof field === 'object' ? inline(field as object) : JSON.stringify(field)},`);
  return ['{', ...head, '  "attempts": [', attempts.map(attemptText).join(',\n'), '  ]', '}', ''].join('\n');
}
