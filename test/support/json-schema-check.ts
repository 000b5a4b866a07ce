/**
 * A small JSON Schema (2020-12 subset, as OpenAPI 3.1 uses it) checker for the
 * contract test: independent of the zod schemas the document is generated
 * from, so the test checks answers against the published document itself.
 * Supports $ref (#/components/schemas/…), allOf/anyOf/oneOf, type (string or
 * list), enum, const, properties/required/additionalProperties, items,
 * prefixItems, minItems/maxItems, minimum/maximum, pattern. Returns the list of
 * violations with their JSON path (empty = valid).
 */
type Schema = Record<string, unknown> | boolean;

export function checkJsonSchema(value: unknown, schema: Schema, doc: { components?: { schemas?: Record<string, Schema> } }, path = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: no value allowed`];
  const s = schema;
  const errors: string[] = [];
  const sub = (v: unknown, sch: unknown, p: string) => checkJsonSchema(v, sch as Schema, doc, p);
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (target === undefined) return [`${path}: unresolved $ref ${s.$ref}`];
    errors.push(...sub(value, target, path));
  }
  if (Array.isArray(s.allOf)) for (const part of s.allOf) errors.push(...sub(value, part, path));
  if (Array.isArray(s.anyOf) && !s.anyOf.some((part) => sub(value, part, path).length === 0)) errors.push(`${path}: matches none of anyOf`);
  if (Array.isArray(s.oneOf) && s.oneOf.filter((part) => sub(value, part, path).length === 0).length !== 1) errors.push(`${path}: must match exactly one of oneOf`);
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) errors.push(`${path}: expected ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (s.type !== undefined) {
    const types = (Array.isArray(s.type) ? s.type : [s.type]) as string[];
    if (!types.some((t) => typeMatches(value, t))) return [...errors, `${path}: expected ${types.join('|')}, got ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`];
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) errors.push(`${path}: ${value} < minimum ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) errors.push(`${path}: ${value} > maximum ${s.maximum}`);
  }
  if (typeof value === 'string' && typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) errors.push(`${path}: does not match ${s.pattern}`);
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) errors.push(`${path}: fewer than ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) errors.push(`${path}: more than ${s.maxItems} items`);
    const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : [];
    value.forEach((v, i) => {
      if (i < prefix.length) errors.push(...sub(v, prefix[i], `${path}[${i}]`));
      else if (s.items !== undefined) errors.push(...sub(v, s.items, `${path}[${i}]`));
    });
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, unknown>;
    for (const key of (s.required ?? []) as string[]) if (!(key in obj)) errors.push(`${path}: missing required "${key}"`);
    for (const [key, v] of Object.entries(obj)) {
      if (key in props) errors.push(...sub(v, props[key], `${path}.${key}`));
      else if (s.additionalProperties !== undefined) errors.push(...sub(v, s.additionalProperties, `${path}.${key}`));
    }
  }
  return errors;
}

function typeMatches(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}
