import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createDynamoClient, ensureTable } from './dynamo-client.js';
import { newLocalCredentials } from './local-credentials.js';
import { bundledJarDir, dynamoDbLocalArgs, freePort, startLocalDynamoDb } from './local-dynamodb.js';
import { credentialDbFile, migrateSharedDb, SHARED_DB_FILE } from './shared-db-migration.js';

const dir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-shareddb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A store as releases before issue 14 wrote it: DynamoDB Local with -sharedDb, any credentials. */
async function writeSharedStore(table: string) {
  const jarDir = bundledJarDir();
  const port = await freePort();
  const jvm = spawn('java', [...dynamoDbLocalArgs({ jarDir, port, dir }), '-sharedDb'], { cwd: jarDir, stdio: 'ignore' });
  const client = createDynamoClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1' });
  try {
    for (let i = 0; ; i++) {
      try {
        await client.send(new ListTablesCommand({}));
        break;
      } catch (err) {
        if (i > 300) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await ensureTable(client, table);
  } finally {
    client.destroy();
    await new Promise((resolve) => (jvm.once('exit', resolve), jvm.kill('SIGTERM')));
  }
}

describe('migrateSharedDb', () => {
  it('gives an older release’s shared database to this install’s credential, which then lists its table', async () => {
    await writeSharedStore('equity-atlas');
    expect(readdirSync(dir)).toContain(SHARED_DB_FILE);
    const credentials = newLocalCredentials();
    expect(migrateSharedDb(dir, credentials, 'us-east-1')).toBe(credentialDbFile(credentials, 'us-east-1'));
    expect(existsSync(path.join(dir, SHARED_DB_FILE))).toBe(false); // moved, not copied
    expect(migrateSharedDb(dir, credentials, 'us-east-1')).toBeNull(); // once only

    const db = await startLocalDynamoDb({ dir, credentials });
    const owner = createDynamoClient({ endpoint: db.endpoint, region: 'us-east-1', credentials });
    const other = createDynamoClient({ endpoint: db.endpoint, region: 'us-east-1' });
    try {
      expect((await owner.send(new ListTablesCommand({}))).TableNames).toEqual(['equity-atlas']);
      expect((await other.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    } finally {
      owner.destroy();
      other.destroy();
      await db.stop();
    }
  }, 120_000);
});
