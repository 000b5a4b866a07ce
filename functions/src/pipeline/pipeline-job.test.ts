import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshLocalStore } from '../../../test/support/local-store.js';
import { TEST_CACHE_DIR } from '../../../test/support/published-store.js';
import { loadConfig } from '../config.js';
import type { PlaceRecord, VersionMeta } from '../indices/place-record.js';
import { runPipelineJob, type PipelineJobDeps } from './pipeline-job.js';
import type { Progress } from './progress.js';

// The run every entry point makes (npm run pipeline, npm start, the Lambda): sweep, skip when unchanged, publish, retention.
let local: Awaited<ReturnType<typeof freshLocalStore>>;
const crashed = 'synthetic-crashed-20261130T000000Z-0001';
let log: string[] = [];
const progress: Progress = { step: (m) => void log.push(m), task: () => ({ tick: () => {}, done: () => {} }) };
const job = (extra: Partial<PipelineJobDeps> = {}) =>
  runPipelineJob({ store: local.store, blobs: local.blobs, dataDir: loadConfig().dataDir, cacheDir: TEST_CACHE_DIR, draws: 0, progress, codeRevision: 'test-rev-1', ...extra });

beforeAll(async () => {
  local = await freshLocalStore();
  // A run that crashed two hours ago left a version "writing".
  await local.store.beginVersion({ version: crashed, schema: 3, createdAt: new Date(Date.now() - 2 * 3600_000).toISOString(), status: 'writing', counts: { town: 1, zcta: 0 } } as unknown as VersionMeta);
  await local.store.putPlaces(crashed, [{ level: 'town', id: '2500100000', name: 'x' } as unknown as PlaceRecord]);
});
afterAll(() => local?.cleanup());

describe('runPipelineJob', () => {
  let first = '';

  it('sweeps a crashed run’s version before computing, then publishes with its inputs recorded', async () => {
    log = [];
    const out = await job();
    expect(out).toMatchObject({ outcome: 'published', previous: null, reason: 'no published version yet', retired: [] });
    first = out.version;
    expect(await local.store.getVersion(crashed)).toBeNull();
    const swept = log.findIndex((m) => m.includes(crashed));
    expect(swept).toBeGreaterThanOrEqual(0);
    expect(swept).toBeLessThan(log.findIndex((m) => m.startsWith('computing a new version')));
    const inputs = (await local.store.getCurrentVersion())?.inputs;
    expect(inputs).toMatchObject({ codeRevision: 'test-rev-1', methodId: 'ma-hei-1.1' });
    expect(Object.keys(inputs!.sources).length).toBeGreaterThan(10);
  }, 180_000);

  it('publishes nothing and says so when sources, method and code are unchanged', async () => {
    log = [];
    expect(await job()).toEqual({ outcome: 'unchanged', version: first });
    expect(log.at(-1)).toMatch(new RegExp(`^unchanged, nothing published: ${first} was computed from the same sources, method and code \\(test-rev-1\\)`));
    expect((await local.store.listVersions()).map((v) => v.version)).toEqual([first]);
    expect((await local.store.getCurrentVersion())?.version).toBe(first);
  }, 60_000);

  it('publishes anyway with force, and retires old versions by the retention rule', async () => {
    log = [];
    const out = await job({ force: true, retention: { keepDays: 0, keepLatest: 1 } });
    expect(out).toMatchObject({ outcome: 'published', previous: first, reason: 'forced', retired: [first] });
    expect(log).toContain('inputs unchanged since the current version: publishing anyway (--force)');
    expect((await local.store.listVersions()).map((v) => [v.version, v.status])).toEqual([[out.version, 'complete']]);
    expect(await local.store.listPlaces(first, 'town')).toEqual([]);
  }, 180_000);

  it('publishes when the code changed', async () => {
    log = [];
    const out = await job({ codeRevision: 'test-rev-2' });
    expect(out).toMatchObject({ outcome: 'published', reason: 'code test-rev-1 → test-rev-2' });
  }, 180_000);
});
