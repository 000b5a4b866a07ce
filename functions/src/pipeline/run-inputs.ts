import { createHash } from 'node:crypto';
import type { Registry } from '../indices/indicator-registry.js';
import type { VersionInputs } from '../indices/place-record.js';
import type { SourceEntry } from '../sources/source-manifest.js';
import type { PriorityConfig } from '../sources/priority-geographies-config.js';
import { canonicalJson } from './canonical-json.js';

/**
 * What a version was computed from (issue 17, defect 4): two runs with equal
 * inputs on the same day publish the same numbers, so the second is skipped.
 * Recorded in every version's meta (`inputs`); versions published before it
 * have none and are never "unchanged". codeRevision: CODE_REVISION or a
 * hash of the computing code (code-revision.ts), or "unknown".
 */
export type RunInputs = VersionInputs;

/** The revision recorded when none is known: such runs are never considered unchanged. */
export const UNKNOWN_REVISION = 'unknown';

export function runInputs(manifest: readonly SourceEntry[], registry: Registry, priorityConfig: PriorityConfig, draws: number, codeRevision: string): RunInputs {
  return {
    sources: Object.fromEntries([...manifest].sort((a, b) => (a.id < b.id ? -1 : 1)).map((s) => [s.id, s.sha256])),
    methodId: registry.method.id,
    methodSha256: createHash('sha256').update(canonicalJson({ method: registry.method, indicators: registry.indicators, priorityConfig, draws })).digest('hex'),
    codeRevision,
  };
}

/**
 * Whether a run with `next` inputs on `today` would publish what `current` already holds: same sources, method
 * and known code revision, and no hospital status change took effect since the day `current` describes (its
 * `asOf`: the index leaves out hospitals closed by the run date). Null when unchanged, else the first reason.
 */
export function changedSince(
  current: { inputs?: RunInputs; asOf?: string } | null,
  next: RunInputs,
  calendar: { today: string; statusChangeDates: readonly string[] },
): string | null {
  if (!current) return 'no published version yet';
  const before = current.inputs;
  if (!before) return 'the current version records no inputs (published before issue 17)';
  if (next.codeRevision === UNKNOWN_REVISION) return 'the code revision is unknown (set CODE_REVISION)';
  if (before.codeRevision !== next.codeRevision) return `code ${before.codeRevision} → ${next.codeRevision}`;
  if (before.methodId !== next.methodId || before.methodSha256 !== next.methodSha256) return `method ${before.methodId} → ${next.methodId} (or its configuration)`;
  const ids = new Set([...Object.keys(before.sources), ...Object.keys(next.sources)]);
  const changed = [...ids].filter((id) => before.sources[id] !== next.sources[id]).sort();
  if (changed.length > 0) return `sources changed: ${changed.join(', ')}`;
  const asOf = current.asOf ?? '';
  const due = calendar.statusChangeDates.filter((d) => d > asOf && d <= calendar.today).sort();
  if (due.length > 0) return `a hospital status change took effect on ${due[0]} (after the current version's ${asOf || 'unknown'} date)`;
  return null;
}
