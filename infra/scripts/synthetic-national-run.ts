#!/usr/bin/env node
/**
 * SYNTHETIC national-size run, for docs/scaling.md. Nothing here is real data:
 * place ids, values and standard errors are generated; only the *shapes* are
 * real — the indicator registry (data/indicators.json) and one MA place
 * record from a real pipeline run (DATA_DIR) used as the template for item size.
 *
 *   npx tsx infra/scripts/synthetic-national-run.ts [draws=100]
 *
 * Measures on this machine: (1) the index maths (computeLevelIndex, Monte
 * Carlo) at MA and US sizes; (2) writing and reading a US-size level through
 * DynamoIndexStore against DynamoDB Local; (3) the size of a full-level list.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../functions/src/config.js';
import { computeLevelIndex } from '../../functions/src/indices/compute-index.js';
import type { Estimate } from '../../functions/src/indices/estimate.js';
import type { PlaceRecord } from '../../functions/src/indices/place-record.js';
import { loadRegistry } from '../../functions/src/sources/indicator-registry-file.js';
import { createDynamoClient, ensureTable } from '../../functions/src/store/dynamo-client.js';
import { DynamoIndexStore } from '../../functions/src/store/dynamo-index-store.js';
import { FileBlobStore } from '../../functions/src/store/file-blob-store.js';
import { runPipeline } from '../../functions/src/pipeline/run-pipeline.js';
import { startLocalDynamoDb } from '../../functions/src/store/local-dynamodb.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const draws = Number(process.argv[2] ?? 100);
// 2020 Census counts, 50 states + DC: 84,414 tracts, 33,791 ZCTAs.
const SIZES = { 'MA towns + ZCTAs': 888, 'US ZCTAs': 33_791, 'US tracts': 84_414 };

// Deterministic pseudo-random numbers (mulberry32) so reruns are comparable.
let seed = 42;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const registry = loadRegistry();
const secs = (t: number) => ((performance.now() - t) / 1000).toFixed(1);
console.log(`SYNTHETIC run — ${registry.indicators.length} indicators (data/indicators.json), ${draws} Monte Carlo draws (registry: ${registry.method.monteCarlo.draws})`);

for (const [label, n] of process.env.SKIP_MATHS ? [] : Object.entries(SIZES)) {
  const ids = Array.from({ length: n }, (_, i) => `S${String(i).padStart(6, '0')}`);
  // ~8 % missing per indicator, an SE on every value so each draw re-ranks every indicator (worst case).
  const values = new Map(registry.indicators.map((ind) => [ind.id, new Map(ids.flatMap((id): [string, Estimate][] => (rand() < 0.08 ? [] : [[id, { value: rand() * 100, se: 1 + rand() * 4 }]])))]));
  const t = performance.now();
  computeLevelIndex(ids, registry.indicators, registry.method, values, { draws });
  const s = (performance.now() - t) / 1000;
  console.log(`index maths, ${label} (${n.toLocaleString('en-US')} places): ${s.toFixed(1)} s → ≈ ${((s * registry.method.monteCarlo.draws) / draws / 60).toFixed(1)} min at ${registry.method.monteCarlo.draws} draws`);
}

// Template: one real record (shape and size) from a real pipeline run over the MA sources into DynamoDB Local.
const config = loadConfig();
const db = await startLocalDynamoDb();
const client = createDynamoClient({ endpoint: db.endpoint, region: 'us-east-1', credentials: db.credentials });
const scratch = mkdtempSync(path.join(tmpdir(), 'synthetic-national-'));
try {
  const table = `synthetic-${randomBytes(3).toString('hex')}`;
  await ensureTable(client, table);
  const store = new DynamoIndexStore(client, table);
  const t = performance.now();
  const { version } = await runPipeline({ store, blobs: new FileBlobStore(path.join(scratch, 'blobs')), dataDir: config.dataDir, cacheDir: path.join(scratch, 'cache') });
  console.log(`real MA pipeline run (for the template record): ${secs(t)} s`);
  const template = (await store.listPlaces(version, 'zcta')).find((p) => p.score !== null)!;
  const itemBytes = Buffer.byteLength(JSON.stringify(template));
  console.log(`template: one real MA ZCTA record, ${itemBytes.toLocaleString('en-US')} bytes as JSON (≈ ${Math.ceil(itemBytes / 1024)} WRU per write)`);

  const n = SIZES['US tracts'];
  const places = Array.from({ length: n }, (_, i): PlaceRecord => ({ ...template, id: `S${String(i).padStart(6, '0')}`, name: `Synthetic ${i}`, score: rand(), percentile: rand() * 100 }));
  const tWrite = performance.now();
  await store.putPlaces('synthetic', places);
  console.log(`DynamoDB Local: wrote ${n.toLocaleString('en-US')} items in ${secs(tWrite)} s (BatchWriteItem ×25, 4 in flight)`);
  // Not read back: DynamoDB Local did not finish a paged Query of these 84,414 items in one partition
  // within 8 minutes (an emulator limitation, not AWS behaviour). The list sizes come from the records.
  const summary = JSON.stringify(places.map(({ id, name, score, percentile, noDataReason }) => ({ id, name, score, percentile, noDataReason })));
  const full = JSON.stringify(places);
  console.log(`one-level list payload: ${(summary.length / 1e6).toFixed(1)} MB as summaries, ${(full.length / 1e6).toFixed(0)} MB as full records`);
} finally {
  client.destroy();
  await db.stop();
  rmSync(scratch, { recursive: true, force: true });
}
