import fc from 'fast-check';

/**
 * fast-check arbitraries from the API's own OpenAPI 3.1 document (JSON Schema
 * 2020-12 subset: $ref, allOf/anyOf/oneOf, type lists, enum, const,
 * properties/required, items, min/max, pattern), so the fuzz suite follows the
 * document rather than a hand-kept copy of it. Values are valid by the schema;
 * `boundaryValues` gives the edges just inside and outside it.
 */
type Schema = Record<string, unknown>;
export interface SchemaDoc {
  components?: { schemas?: Record<string, Schema> };
}

const resolve = (schema: Schema, doc: SchemaDoc): Schema => {
  if (typeof schema.$ref !== 'string') return schema;
  const target = doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
  if (!target) throw new Error(`schema: unresolved $ref ${schema.$ref}`);
  return resolve(target, doc);
};

/** A valid value for `schema` (depth-limited: deep optional parts are left out). */
export function schemaArbitrary(schema: Schema, doc: SchemaDoc, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(s[key])) return fc.oneof(...(s[key] as Schema[]).map((part) => schemaArbitrary(part, doc, depth + 1)));
  }
  if (Array.isArray(s.allOf)) return schemaArbitrary(Object.assign({}, ...(s.allOf as Schema[]).map((p) => resolve(p, doc))), doc, depth);
  const types = (Array.isArray(s.type) ? s.type : s.type === undefined ? ['string'] : [s.type]) as string[];
  return fc.oneof(...types.map((type) => typedArbitrary(type, s, doc, depth)));
}

function typedArbitrary(type: string, s: Schema, doc: SchemaDoc, depth: number): fc.Arbitrary<unknown> {
  const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: Math.ceil(num('minimum') ?? -1e6), max: Math.floor(num('maximum') ?? 1e6) });
    case 'number': {
      // Exclusive bounds stay exclusive, so values just past them (down to 5e-324 above 0) are generated too.
      const min = num('minimum') ?? num('exclusiveMinimum') ?? -1e6;
      const max = num('maximum') ?? num('exclusiveMaximum') ?? 1e6;
      return fc.double({ min, max, minExcluded: num('minimum') === undefined && num('exclusiveMinimum') !== undefined, maxExcluded: num('maximum') === undefined && num('exclusiveMaximum') !== undefined, noNaN: true, noDefaultInfinity: true });
    }
    case 'string': {
      if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern));
      if (s.format === 'uri') return fc.webUrl();
      return fc.string({ minLength: num('minLength') ?? 0, maxLength: Math.min(num('maxLength') ?? 40, 40) });
    }
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const items = (s.items as Schema | undefined) ?? {};
      return fc.array(schemaArbitrary(items, doc, depth + 1), { minLength: num('minItems') ?? 0, maxLength: Math.min(num('maxItems') ?? 5, 5) });
    }
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = (s.required ?? []) as string[];
      const model = Object.fromEntries(Object.entries(props).filter(([k]) => depth < 4 || required.includes(k)).map(([k, v]) => [k, schemaArbitrary(v, doc, depth + 1)]));
      return fc.record(model, { requiredKeys: required.filter((k) => k in model) });
    }
    default:
      throw new Error(`schema: unsupported type ${type}`);
  }
}

/** Values at and just past a schema's edges (as strings, for query and path parameters). */
export function boundaryValues(schema: Schema, doc: SchemaDoc): string[] {
  const s = resolve(schema, doc);
  const out: string[] = [];
  for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const v = s[k];
    if (typeof v === 'number') out.push(String(v), String(v - 1), String(v + 1), String(v - 1e-9), String(v + 1e-9));
  }
  for (const k of ['minLength', 'maxLength'] as const) {
    const v = s[k];
    if (typeof v === 'number') out.push('a'.repeat(v), 'a'.repeat(v + 1), 'a'.repeat(Math.max(0, v - 1)));
  }
  if (Array.isArray(s.enum)) for (const e of s.enum) out.push(String(e).toUpperCase(), ` ${String(e)}`, `${String(e)},${String(e)}`);
  return out;
}
