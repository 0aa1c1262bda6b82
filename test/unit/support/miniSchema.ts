// A tiny JSON Schema (draft-07 subset) checker, enough to hold the scenario schema to the built-in scenarios.
type Schema = Record<string, unknown>;

function typeOk(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

/** Problems found (JSON pointers with a reason); empty when `value` fits `schema`. */
export function schemaErrors(root: Schema, value: unknown, schema: Schema = root, at = ''): string[] {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Schema)[key], root);
    return schemaErrors(root, value, target as Schema, at);
  }
  const errors: string[] = [];
  const fail = (why: string): number => errors.push(`${at || '/'}: ${why}`);
  if (typeof schema.type === 'string' && !typeOk(schema.type, value)) return [`${at || '/'}: not ${schema.type}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) fail('not in enum');
  if ('const' in schema && schema.const !== value) fail('not the const');
  if (typeof schema.pattern === 'string' && typeof value === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail('pattern');
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail('below minimum');
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail('above maximum');
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail('too few items');
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail('too many items');
    if (schema.items) value.forEach((item, i) => errors.push(...schemaErrors(root, item, schema.items as Schema, `${at}/${i}`)));
  }
  if (typeOk('object', value)) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) fail(`missing ${key}`);
    for (const [key, item] of Object.entries(object)) {
      if (schema.propertyNames) errors.push(...schemaErrors(root, key, schema.propertyNames as Schema, `${at}/${key}`));
      if (key in properties) errors.push(...schemaErrors(root, item, properties[key]!, `${at}/${key}`));
      else if (schema.additionalProperties === false) fail(`unknown property ${key}`);
      else if (typeof schema.additionalProperties === 'object') {
        errors.push(...schemaErrors(root, item, schema.additionalProperties as Schema, `${at}/${key}`));
      }
    }
  }
  if (Array.isArray(schema.oneOf)) {
    const fits = schema.oneOf.filter((option) => schemaErrors(root, value, option as Schema, at).length === 0).length;
    if (fits !== 1) fail(`fits ${fits} of oneOf`);
  }
  return errors;
}
