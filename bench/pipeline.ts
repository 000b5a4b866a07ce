/**
 * Whole-pipeline benchmark (issue 7, goals: the uncached ZCTA × town overlay ≈ 2–3 s; the whole MA
 * pipeline with 1,000 Monte Carlo draws < 30 s cold). Runs the real pipeline twice in one process
 * against an in-memory DynamoDB Local: cold (empty crosswalk cache) and warm (cache filled by the
 * cold run), prints the seconds per stage and the warm/cold ratio, plus the custom-weights re-rank
 * of all 888 places against a baseline sort of the same scores.
 *
 *   npm run bench:pipeline
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../functions/src/config.js';
import { runPipeline } from '../functions/src/pipeline/run-pipeline.js';
import { reweight } from '../functions/src/indices/custom-weights.js';
import { createDynamoClient, ensureTable } from '../functions/src/store/dynamo-client.js';
import { DynamoIndexStore } from '../functions/src/store/dynamo-index-store.js';
import { FileBlobStore } from '../functions/src/store/file-blob-store.js';
import { startLocalDynamoDb } from '../functions/src/store/local-dynamodb.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { dataDir } = loadConfig();
const work = mkdtempSync(path.join(tmpdir(), 'equity-atlas-bench-'));
const db = await startLocalDynamoDb();
const client = createDynamoClient({ endpoint: db.endpoint, region: 'us-east-1', credentials: db.credentials });
await ensureTable(client, 'bench');
const store = new DynamoIndexStore(client, 'bench');
const blobs = new FileBlobStore(path.join(work, 'blobs'));
const cacheDir = path.join(work, 'cache');

const runs: Record<string, { total: number; timings: Record<string, number> }> = {};
for (const label of ['cold', 'warm']) {
  const start = performance.now();
  const result = await runPipeline({ store, blobs, dataDir, cacheDir });
  runs[label] = { total: (performance.now() - start) / 1000, timings: result.timings };
}

const stages = ['load', 'crosswalk', 'indicators', 'indices', 'sensitivity', 'store'];
console.log('\nstage        cold (s)  warm (s)');
for (const s of stages) console.log(`${s.padEnd(12)} ${runs.cold!.timings[s]!.toFixed(2).padStart(8)}  ${runs.warm!.timings[s]!.toFixed(2).padStart(8)}`);
console.log(`${'total'.padEnd(12)} ${runs.cold!.total.toFixed(2).padStart(8)}  ${runs.warm!.total.toFixed(2).padStart(8)}`);
console.log(`overlay: ${runs.cold!.timings.areaOverlay!.toFixed(2)} s (ZCTA × town, uncached, geos-wasm)`);
console.log(`warm / cold: ${(runs.warm!.total / runs.cold!.total).toFixed(2)}`);
console.log(`goal: cold < 30 s with 1,000 draws → ${runs.cold!.total < 30 ? 'met' : 'NOT met'}`);

// Custom weights: re-rank all 888 places, against a baseline that only sorts the published scores.
const current = (await store.getCurrentVersion())!;
const places = [...(await store.listPlaces(current.version, 'town')), ...(await store.listPlaces(current.version, 'zcta'))];
const weights = { cardiometabolic: 0.4, maternal_perinatal: 0.3, social_drivers: 0.2, access_to_care: 0.1 };
const time = (fn: () => void, n = 200) => {
  for (let i = 0; i < 20; i++) fn();
  const start = performance.now();
  for (let i = 0; i < n; i++) fn();
  return (performance.now() - start) / n;
};
const reweightMs = time(() => {
  reweight(places.filter((p) => p.level === 'town'), weights, 0.5);
  reweight(places.filter((p) => p.level === 'zcta'), weights, 0.5);
});
const baselineMs = time(() => places.map((p) => p.score ?? -1).sort((a, b) => a - b));
console.log(`custom weights, 888 places: ${reweightMs.toFixed(2)} ms (baseline sort of 888 scores ${baselineMs.toFixed(3)} ms, ratio ${(reweightMs / baselineMs).toFixed(1)}×; goal < 50 ms)`);

client.destroy();
await db.stop();
rmSync(work, { recursive: true, force: true });
