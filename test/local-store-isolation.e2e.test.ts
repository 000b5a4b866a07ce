import { SYNTHETIC_INVESTMENT } from './support/synthetic-investment.js';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetItemCommand, ListTablesCommand, ResourceNotFoundException, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalStack } from '../functions/src/cli/local-stack.js';
import { loadConfig } from '../functions/src/config.js';
import { runPipeline } from '../functions/src/pipeline/run-pipeline.js';
import { createDynamoClient } from '../functions/src/store/dynamo-client.js';
import { keys } from '../functions/src/store/table-schema.js';
import { CREDENTIALS_FILE } from '../functions/src/store/local-credentials.js';
import { LOCK_FILE, type StoreLockRecord } from '../functions/src/store/local-store-lock.js';
import { TEST_CACHE_DIR, TEST_DRAWS } from './support/published-store.js';

/**
 * Issue 14, defects 3 and 4, against a persisted DynamoDB Local started the
 * way `npm start` starts it (openLocalStack, role "serve", in a fresh STATE_DIR).
 */
const stateDir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-state-'));
const config = loadConfig({ ...process.env, STATE_DIR: stateDir, DYNAMODB_ENDPOINT: '' });
const logs: string[] = [];
let server: Awaited<ReturnType<typeof openLocalStack>>;
let investmentId: string;

const synthetic = SYNTHETIC_INVESTMENT;

/** Processes whose command line runs DynamoDB Local on this STATE_DIR (Linux /proc). */
function jvmsOn(dir: string): number[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
    try {
      const argv = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
      return argv.some((a) => a.endsWith('DynamoDBLocal.jar')) && argv.includes(path.join(dir, 'dynamodb'));
    } catch {
      return false;
    }
  }).map(Number);
}

beforeAll(async () => {
  server = await openLocalStack(config, (m) => logs.push(m), 'serve');
  investmentId = (await server.investments.create(synthetic, { who: 'owner' })).investment.id;
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('the local store is closed to other credentials (defect 4)', () => {
  it('keeps a random per-install credential in STATE_DIR/credentials.json, owner-only', () => {
    const file = path.join(stateDir, CREDENTIALS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(stateDir).mode & 0o777).toBe(0o700);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { accessKeyId: string };
    expect(saved.accessKeyId).toMatch(/^EA[0-9A-F]{32}$/);
    expect(server.credentials.accessKeyId).toBe(saved.accessKeyId);
    // DynamoDB Local keyed its database by that credential, not one shared file.
    expect(readdirSync(path.join(stateDir, 'dynamodb'))).toContain(`${saved.accessKeyId}_${config.region}.db`);
    expect(readdirSync(path.join(stateDir, 'dynamodb'))).not.toContain('shared-local-instance.db');
  });

  it('shows another client no table, and it can neither read nor change an investment', async () => {
    const stranger = createDynamoClient({ endpoint: server.endpoint, region: config.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    try {
      expect((await stranger.send(new ListTablesCommand({}))).TableNames).toEqual([]);
      const key = { PK: { S: keys.investment(investmentId).PK }, SK: { S: keys.investment(investmentId).SK } };
      await expect(stranger.send(new GetItemCommand({ TableName: config.tableName, Key: key }))).rejects.toBeInstanceOf(ResourceNotFoundException);
      await expect(
        stranger.send(new UpdateItemCommand({ TableName: config.tableName, Key: key, UpdateExpression: 'SET grantee = :g', ExpressionAttributeValues: { ':g': { S: 'attacker' } } })),
      ).rejects.toBeInstanceOf(ResourceNotFoundException);
    } finally {
      stranger.destroy();
    }
    expect(await server.investments.get(investmentId)).toMatchObject({ grantee: 'Synthetic Coalition', version: 1 });
    expect((await server.investments.audit(investmentId)).map((a) => a.who)).toEqual(['owner']);
  });
});

describe('npm run pipeline beside npm start (defect 3)', () => {
  it('uses the running server’s DynamoDB Local instead of opening the same files again, and reads keep working', async () => {
    const lock = JSON.parse(readFileSync(path.join(stateDir, LOCK_FILE), 'utf8')) as StoreLockRecord;
    expect(lock).toMatchObject({ pid: process.pid, role: 'serve', endpoint: server.endpoint });
    if (existsSync('/proc')) expect(jvmsOn(stateDir)).toEqual([lock.dbPid]);

    // What functions/src/cli/pipeline.ts does, while the server keeps reading.
    const pipelineLogs: string[] = [];
    const pipeline = await openLocalStack(config, (m) => pipelineLogs.push(m), 'command');
    expect(pipeline.endpoint).toBe(server.endpoint);
    expect(pipelineLogs.join('\n')).toMatch(/using the local store of npm start/);
    if (existsSync('/proc')) expect(jvmsOn(stateDir)).toEqual([lock.dbPid]);

    let reads = 0;
    let failures = 0;
    let running = true;
    const reader = (async () => {
      while (running) {
        try {
          await server.store.getCurrentVersion();
          await server.investments.get(investmentId);
          reads++;
        } catch {
          failures++;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const result = await runPipeline({ store: pipeline.store, blobs: pipeline.blobs, dataDir: config.dataDir, cacheDir: TEST_CACHE_DIR, draws: TEST_DRAWS }).finally(() => (running = false));
    await reader;
    await pipeline.close(); // a reuser does not stop the server's DynamoDB Local

    expect(failures).toBe(0);
    expect(reads).toBeGreaterThan(10);
    expect((await server.store.getCurrentVersion())?.version).toBe(result.version);
    expect(await server.investments.get(investmentId)).toMatchObject({ version: 1 });
    if (existsSync('/proc')) expect(jvmsOn(stateDir)).toEqual([lock.dbPid]);
  }, 300_000);
});
