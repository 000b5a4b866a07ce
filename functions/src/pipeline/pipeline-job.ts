import { parse } from 'csv-parse/sync';
import type { Registry } from '../indices/indicator-registry.js';
import { loadRegistry } from '../sources/indicator-registry-file.js';
import { loadPriorityConfig, type PriorityConfig } from '../sources/priority-geographies-config.js';
import { loadManifest, readSource, type SourceEntry } from '../sources/source-manifest.js';
import { HOSPITAL_STATUS_COLUMNS } from '../sources/hospital-status.js';
import type { PipelineBlobStore } from '../store/index-store.js';
import { silentProgress } from './progress.js';
import { changedSince, runInputs } from './run-inputs.js';
import { runPipeline, type PipelineDeps, type PipelineResult } from './run-pipeline.js';
import { sweepAbandonedVersions } from './sweep-abandoned-versions.js';
import { applyRetention, type RetentionRule } from './version-retention.js';

export interface PipelineJobDeps extends PipelineDeps {
  blobs: PipelineBlobStore;
  /** The code's revision (cli/code-revision.ts; CODE_REVISION in Lambda). */
  codeRevision: string;
  /** Publish even when nothing changed since the current version. */
  force?: boolean;
  /** Old versions to retire after a publish (pipeline/version-retention.ts); none when absent. */
  retention?: RetentionRule;
}

export type PipelineJobOutcome =
  | { outcome: 'published'; version: string; previous: string | null; reason: string; result: PipelineResult; retired: string[] }
  | { outcome: 'unchanged'; version: string };

/**
 * One pipeline run as every entry point does it (npm run pipeline, npm start's first run, the Lambda):
 * sweep the versions crashed runs left "writing", then compute and publish — unless the current version was
 * computed from the same sources, method and code (issue 17: no daily republish of identical data, which
 * would change the current ETag and empty every cache), then retire old versions by the retention rule.
 */
export async function runPipelineJob(deps: PipelineJobDeps): Promise<PipelineJobOutcome> {
  const progress = deps.progress ?? silentProgress;
  await sweepAbandonedVersions(deps.store, deps.blobs, { progress });

  const manifest = deps.manifest ?? loadManifest();
  const registry: Registry = deps.registry ?? loadRegistry();
  const priorityConfig: PriorityConfig = deps.priorityConfig ?? loadPriorityConfig();
  const draws = deps.draws ?? registry.method.monteCarlo.draws;
  const asOf = deps.asOf ?? new Date().toISOString().slice(0, 10);
  const inputs = runInputs(manifest, registry, priorityConfig, draws, deps.codeRevision);
  const current = await deps.store.getCurrentVersion();
  const reason = changedSince(current, inputs, { today: asOf, statusChangeDates: statusChangeDates(deps.dataDir, manifest) });
  if (reason === null && !deps.force) {
    progress.step(`unchanged, nothing published: ${current!.version} was computed from the same sources, method and code (${inputs.codeRevision}); --force publishes anyway`);
    return { outcome: 'unchanged', version: current!.version };
  }
  progress.step(reason === null ? 'inputs unchanged since the current version: publishing anyway (--force)' : `computing a new version: ${reason}`);
  const result = await runPipeline({ ...deps, manifest, registry, priorityConfig, draws, asOf, codeRevision: deps.codeRevision });
  const retired = deps.retention ? await applyRetention(deps.store, deps.blobs, deps.retention, { progress }) : [];
  return { outcome: 'published', version: result.version, previous: result.previous, reason: reason ?? 'forced', result, retired };
}

/** Effective dates of the hospital status changes (a run on a later day may leave out one more hospital). */
function statusChangeDates(dataDir: string, manifest: SourceEntry[]): string[] {
  if (!manifest.some((s) => s.id === 'hospital-status-changes')) return [];
  const { bytes } = readSource(dataDir, 'hospital-status-changes', manifest);
  const rows = parse(bytes, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r) => r[HOSPITAL_STATUS_COLUMNS.effectiveDate] ?? '').filter((d) => d !== '');
}
