import { DOMAINS, type IndicatorSpec, type MethodSpec } from './indicator-registry.js';
import type { PlaceRecord, VersionMeta } from './place-record.js';

/**
 * What changed between two published versions (GET /v1/versions/{id}/diff):
 * per place the move in score, percentile and rank and the indicators whose
 * value or percentile moved, places added or removed, and the method, registry
 * and source changes behind them. Pure: records in, plain objects out.
 */

/** A number in both versions; `delta` = to − from, null when either side has no value. */
export interface NumberChange {
  from: number | null;
  to: number | null;
  delta: number | null;
}

export interface IndicatorChange {
  id: string;
  value: NumberChange;
  percentile: NumberChange;
}

export interface DomainChange {
  id: string;
  score: NumberChange;
  percentile: NumberChange;
}

export interface PlaceDiff {
  id: string;
  name: string;
  score: NumberChange;
  /** Overall percentile, 0–100. */
  percentile: NumberChange;
  /** 1 = most disadvantaged: a negative delta moved the place towards the top of the list. */
  rank: NumberChange;
  /** Method 1.1 leaves small places unranked; a 1.0 record (no flag) counts as ranked. */
  ranked: { from: boolean; to: boolean };
  /** True when any number above, `ranked`, a domain or an indicator changed. */
  changed: boolean;
  /** Only the domains whose score or percentile (0–1) changed. */
  domains: DomainChange[];
  /** Only the indicators (in both registries) whose value or percentile (0–1) changed. */
  indicators: IndicatorChange[];
}

export interface PlaceRef {
  id: string;
  name: string;
}

export interface LevelDiff {
  /** Every place in both versions, by id; unchanged ones too (changed: false), so the table is complete. */
  places: PlaceDiff[];
  added: PlaceRef[];
  removed: PlaceRef[];
}

/** One field of a spec that differs; values as published (JSON). */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface MethodChanges {
  method: { from: string; to: string; changed: FieldChange[] };
  /** Domain weights of the overall score (only the domains whose weight moved). */
  weights: { domain: string; from: number | null; to: number | null }[];
  indicators: {
    added: { id: string; label: string }[];
    removed: { id: string; label: string }[];
    /** An indicator the newer registry lists under a new id, with the old one among its aliases. */
    renamed: { from: string; to: string }[];
    changed: { id: string; fields: FieldChange[] }[];
  };
  sources: {
    added: { id: string; vintage: string; sha256: string }[];
    removed: { id: string; vintage: string; sha256: string }[];
    changed: { id: string; from: { vintage: string; sha256: string }; to: { vintage: string; sha256: string } }[];
  };
  /** Code revision and method hash of each run (absent before runs recorded their inputs: null). */
  inputs: { codeRevision: { from: string | null; to: string | null }; methodSha256: { from: string | null; to: string | null } };
  asOf: { from: string | null; to: string | null };
}

/** Digits after the point of a number as JavaScript prints it (exponent form: treated as 10). */
function decimals(x: number): number {
  const s = String(x);
  if (/e/i.test(s)) return 10;
  const point = s.indexOf('.');
  return point < 0 ? 0 : s.length - point - 1;
}

/**
 * to − from, rounded to the finer of the two published precisions: 38.3 − 37.1 is
 * 1.2, not the float 1.1999999999999957 (both values were published to 1 decimal).
 */
export function numberChange(from: number | null | undefined, to: number | null | undefined): NumberChange {
  const a = from ?? null;
  const b = to ?? null;
  if (a === null || b === null) return { from: a, to: b, delta: null };
  const places = Math.min(10, Math.max(decimals(a), decimals(b)));
  const delta = Number((b - a).toFixed(places));
  return { from: a, to: b, delta: delta === 0 ? 0 : delta }; // no -0
}

const moved = (c: NumberChange) => c.from !== c.to;

/** Newer indicator id → the older version's id for the same indicator (same id, or an alias the newer spec keeps). */
export function indicatorIdMap(from: IndicatorSpec[], to: IndicatorSpec[]): Map<string, string> {
  const older = new Set(from.map((s) => s.id));
  const map = new Map<string, string>();
  for (const spec of to) {
    if (older.has(spec.id)) map.set(spec.id, spec.id);
    else {
      const alias = spec.aliases?.find((a) => older.has(a));
      if (alias) map.set(spec.id, alias);
    }
  }
  return map;
}

/** One place present in both versions; `ids` maps the newer registry's ids to the older's (indicatorIdMap). */
export function diffPlace(from: PlaceRecord, to: PlaceRecord, ids: Map<string, string>): PlaceDiff {
  const score = numberChange(from.score, to.score);
  const percentile = numberChange(from.percentile, to.percentile);
  const rank = numberChange(from.rank, to.rank);
  const ranked = { from: from.ranked !== false, to: to.ranked !== false };
  const domains: DomainChange[] = [];
  for (const d of DOMAINS) {
    const change = { id: d, score: numberChange(from.domains[d]?.score, to.domains[d]?.score), percentile: numberChange(from.domains[d]?.percentile, to.domains[d]?.percentile) };
    if (moved(change.score) || moved(change.percentile)) domains.push(change);
  }
  const indicators: IndicatorChange[] = [];
  for (const [toId, fromId] of ids) {
    const a = from.indicators[fromId];
    const b = to.indicators[toId];
    const change = { id: toId, value: numberChange(a?.value, b?.value), percentile: numberChange(a?.percentile, b?.percentile) };
    if (moved(change.value) || moved(change.percentile)) indicators.push(change);
  }
  const changed = moved(score) || moved(percentile) || moved(rank) || ranked.from !== ranked.to || domains.length > 0 || indicators.length > 0;
  return { id: to.id, name: to.name, score, percentile, rank, ranked, changed, domains, indicators };
}

/** Every place of one level in either version: compared when in both, else listed as added or removed (sorted by id). */
export function diffLevel(from: PlaceRecord[], to: PlaceRecord[], ids: Map<string, string>): LevelDiff {
  const older = new Map(from.map((p) => [p.id, p]));
  const newer = new Set(to.map((p) => p.id));
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const places: PlaceDiff[] = [];
  const added: PlaceRef[] = [];
  for (const p of to) {
    const before = older.get(p.id);
    if (before) places.push(diffPlace(before, p, ids));
    else added.push({ id: p.id, name: p.name });
  }
  const removed = from.filter((p) => !newer.has(p.id)).map((p) => ({ id: p.id, name: p.name }));
  return { places: places.sort(byId), added: added.sort(byId), removed: removed.sort(byId) };
}

/** Top-level fields whose JSON differs (key order ignored at the top level; `skip` left out). */
function fieldChanges(from: object, to: object, skip: string[] = []): FieldChange[] {
  const a = from as Record<string, unknown>;
  const b = to as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.includes(k)).sort();
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => ({ field: k, from: a[k] ?? null, to: b[k] ?? null }));
}

function weightChanges(from: MethodSpec, to: MethodSpec): MethodChanges['weights'] {
  const a = new Map(from.domains.map((d) => [d.id as string, d.weight]));
  const b = new Map(to.domains.map((d) => [d.id as string, d.weight]));
  return [...new Set([...a.keys(), ...b.keys()])]
    .map((domain) => ({ domain, from: a.get(domain) ?? null, to: b.get(domain) ?? null }))
    .filter((w) => w.from !== w.to);
}

type Meta = Pick<VersionMeta, 'method' | 'indicators' | 'sources' | 'inputs' | 'asOf'>;

/** Method, weights, indicator registry, sources (vintage or sha256) and recorded inputs that differ between two versions. */
export function diffMethod(from: Meta, to: Meta): MethodChanges {
  const ids = indicatorIdMap(from.indicators, to.indicators);
  const matchedOld = new Set(ids.values());
  const olderSpec = new Map(from.indicators.map((s) => [s.id, s]));
  const indicators: MethodChanges['indicators'] = {
    added: to.indicators.filter((s) => !ids.has(s.id)).map((s) => ({ id: s.id, label: s.label })),
    removed: from.indicators.filter((s) => !matchedOld.has(s.id)).map((s) => ({ id: s.id, label: s.label })),
    renamed: [...ids].filter(([toId, fromId]) => toId !== fromId).map(([toId, fromId]) => ({ from: fromId, to: toId })),
    changed: [],
  };
  for (const spec of to.indicators) {
    const fromId = ids.get(spec.id);
    if (fromId === undefined) continue;
    // The id and its aliases are the rename above, not a change of what is measured.
    const fields = fieldChanges(olderSpec.get(fromId)!, spec, ['id', 'aliases']);
    if (fields.length > 0) indicators.changed.push({ id: spec.id, fields });
  }
  const src = (s: VersionMeta['sources'][number]) => ({ id: s.id, vintage: s.vintage, sha256: s.sha256 });
  const olderSources = new Map(from.sources.map((s) => [s.id, s]));
  const newerSources = new Map(to.sources.map((s) => [s.id, s]));
  const sources: MethodChanges['sources'] = {
    added: to.sources.filter((s) => !olderSources.has(s.id)).map(src),
    removed: from.sources.filter((s) => !newerSources.has(s.id)).map(src),
    changed: to.sources
      .filter((s) => olderSources.has(s.id) && (olderSources.get(s.id)!.sha256 !== s.sha256 || olderSources.get(s.id)!.vintage !== s.vintage))
      .map((s) => {
        const o = olderSources.get(s.id)!;
        return { id: s.id, from: { vintage: o.vintage, sha256: o.sha256 }, to: { vintage: s.vintage, sha256: s.sha256 } };
      }),
  };
  return {
    method: { from: from.method.id, to: to.method.id, changed: fieldChanges(from.method, to.method, ['id', 'domains']) },
    weights: weightChanges(from.method, to.method),
    indicators,
    sources,
    inputs: {
      codeRevision: { from: from.inputs?.codeRevision ?? null, to: to.inputs?.codeRevision ?? null },
      methodSha256: { from: from.inputs?.methodSha256 ?? null, to: to.inputs?.methodSha256 ?? null },
    },
    asOf: { from: from.asOf ?? null, to: to.asOf ?? null },
  };
}

/** Counts a reader sees first: how many places were compared, moved rank, or came and went. */
export function diffSummary(level: LevelDiff) {
  return {
    compared: level.places.length,
    changed: level.places.filter((p) => p.changed).length,
    rankChanged: level.places.filter((p) => p.rank.from !== p.rank.to).length,
    added: level.added.length,
    removed: level.removed.length,
  };
}
