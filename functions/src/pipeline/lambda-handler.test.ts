import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { loadConfig } from '../config.js';
import type { PlaceRecord, VersionMeta } from '../indices/place-record.js';
import { loadRegistry } from '../sources/indicator-registry-file.js';
import { loadPriorityConfig } from '../sources/priority-geographies-config.js';
import { loadManifest } from '../sources/source-manifest.js';
import { createDynamoClient, ensureTable } from '../store/dynamo-client.js';
import { DynamoIndexStore } from '../store/dynamo-index-store.js';
import { runInputs } from './run-inputs.js';

// The pipeline Lambda's handler with S3 replaced: `staged` maps keys to files (null: the bucket has no sources/ yet).
let staged: Map<string, string> | null = null;
const requested: string[] = [];
vi.mock('@aws-sdk/client-s3', async (importOriginal) => {
  const real = await importOriginal<typeof import('@aws-sdk/client-s3')>();
  class S3Client {
    async send(command: { input: { Key: string } }) {
      if (command instanceof real.DeleteObjectCommand) return {}; // the sweep deletes a crashed version's artifacts
      requested.push(command.input.Key);
      const file = staged?.get(command.input.Key);
      if (!file) throw new real.NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} });
      const bytes = new Uint8Array(await readFile(file));
      return { Body: { transformToByteArray: async () => bytes } };
    }
  }
  return { ...real, S3Client };
});

let lines: string[] = [];
beforeEach(() => {
  vi.resetModules(); // lambda.ts reads its environment once, at import
  requested.length = 0;
  lines = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  vi.stubEnv('DATA_BUCKET', 'synthetic-bucket');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});
const messages = () => lines.map((l) => String(JSON.parse(l).message));

describe('pipeline Lambda handler', () => {
  it('before the first upload: exits cleanly with "no sources uploaded yet" (no error, so no failure-queue message and no alarm)', async () => {
    staged = null;
    vi.stubEnv('DYNAMODB_ENDPOINT', 'http://127.0.0.1:9'); // any DynamoDB call would fail: nothing listens here
    const { handler } = await import('./lambda.js');
    expect(await handler({})).toEqual({ outcome: 'no-sources' });
    expect(requested[0]).toMatch(/^sources\//);
    expect(messages()).toContainEqual(expect.stringMatching(/^no sources uploaded yet: none of the \d+ staged sources is under sources\//));
    expect(messages().filter((m) => /fail|error/i.test(m))).toEqual([]);
  });

  it('sweeps a crashed run’s version first, then publishes nothing when the inputs are those of the current version', async () => {
    const { dataDir } = loadConfig();
    const manifest = loadManifest();
    staged = new Map(manifest.map((s) => [`sources/${s.path}`, path.join(dataDir, s.path)]));
    // The handler's own client (fixed local credential on the tests' DynamoDB Local), on a fresh table.
    const endpoint = inject('dynamoEndpoint');
    const tableName = `test-lambda-${Date.now().toString(36)}`;
    const client = createDynamoClient({ endpoint, region: 'us-east-1' });
    await ensureTable(client, tableName);
    const store = new DynamoIndexStore(client, tableName);
    const registry = loadRegistry();
    const inputs = runInputs(manifest, registry, loadPriorityConfig(), registry.method.monteCarlo.draws, 'test-rev-1');
    const today = new Date().toISOString().slice(0, 10);
    const meta = (version: string, createdAt: Date, extra: object = {}) => ({ version, schema: 3, createdAt: createdAt.toISOString(), status: 'writing', counts: { town: 1, zcta: 0 }, ...extra }) as unknown as VersionMeta;
    await store.beginVersion(meta('synthetic-current', new Date(), { inputs, asOf: today, method: registry.method }));
    await store.publishVersion('synthetic-current', null);
    await store.beginVersion(meta('synthetic-crashed', new Date(Date.now() - 2 * 3600_000)));
    await store.putPlaces('synthetic-crashed', [{ level: 'town', id: '2500100000', name: 'x' } as unknown as PlaceRecord]);

    vi.stubEnv('DYNAMODB_ENDPOINT', endpoint);
    vi.stubEnv('TABLE_NAME', tableName);
    vi.stubEnv('CODE_REVISION', 'test-rev-1');
    try {
      const { handler } = await import('./lambda.js');
      expect(await handler({})).toEqual({ outcome: 'unchanged', version: 'synthetic-current' });
      expect(await store.getVersion('synthetic-crashed')).toBeNull();
      const m = messages();
      expect(m.findIndex((x) => x.includes('synthetic-crashed'))).toBeLessThan(m.findIndex((x) => x.startsWith('unchanged, nothing published: synthetic-current')));
      expect((await store.listVersions()).map((v) => v.version)).toEqual(['synthetic-current']);
    } finally {
      client.destroy();
    }
  }, 60_000);
});
