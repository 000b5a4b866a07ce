import { SYNTHETIC_INVESTMENT } from './support/synthetic-investment.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLocalStack } from '../functions/src/cli/local-stack.js';
import { loadConfig } from '../functions/src/config.js';
import { localCredentials } from '../functions/src/store/local-credentials.js';
import { createDynamoClient, ensureTable } from '../functions/src/store/dynamo-client.js';
import { DynamoInvestmentStore } from '../functions/src/store/dynamo-investment-store.js';
import { startLocalDynamoDb } from '../functions/src/store/local-dynamodb.js';
import { isProcessAlive, LOCK_FILE, type StoreLockRecord } from '../functions/src/store/local-store-lock.js';

/** `npm start` killed with SIGKILL leaves its DynamoDB Local running on the files; the next start must recover. */
const stateDir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-orphan-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));
const synthetic = SYNTHETIC_INVESTMENT;

describe('after a kill -9 of npm start', () => {
  it('the next start stops the orphaned DynamoDB Local (provably its own) and serves the same data', async () => {
    const config = loadConfig({ ...process.env, STATE_DIR: stateDir, DYNAMODB_ENDPOINT: '' });
    const credentials = localCredentials(stateDir);
    const orphan = await startLocalDynamoDb({ dir: path.join(stateDir, 'dynamodb'), credentials });
    const client = createDynamoClient({ endpoint: orphan.endpoint, region: config.region, credentials });
    await ensureTable(client, config.tableName);
    const { investment } = await new DynamoInvestmentStore(client, config.tableName).create(synthetic, { who: 'before the kill' });
    client.destroy();
    const deadOwner = spawnSync(process.execPath, ['-e', '']).pid!; // exited: its pid is dead
    const record: StoreLockRecord = { pid: deadOwner, role: 'serve', command: 'start.ts', endpoint: orphan.endpoint, dbPid: orphan.pid, startedAt: new Date().toISOString() };
    writeFileSync(path.join(stateDir, LOCK_FILE), JSON.stringify(record));

    const stack = await openLocalStack(config, () => {}, 'serve');
    try {
      expect(isProcessAlive(orphan.pid)).toBe(false);
      expect(stack.endpoint).not.toBe(orphan.endpoint);
      expect(JSON.parse(readFileSync(path.join(stateDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, endpoint: stack.endpoint });
      expect(await stack.investments.get(investment.id)).toMatchObject({ grantee: 'Synthetic Coalition', createdBy: 'before the kill' });
    } finally {
      await stack.close();
      await orphan.stop();
    }
  }, 120_000);
});
