/**
 * JSON with object keys sorted at every depth, so equal values always serialize — and hash — equal
 * whatever order their keys were built in. Arrays keep their order (it is part of the value).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
