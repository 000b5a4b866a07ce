import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshLocalStore } from '../../../test/support/local-store.js';
import { REPO_ROOT } from '../config.js';
import type { PlaceRecord, VersionMeta } from '../indices/place-record.js';

// `npm run rollback` end to end, against a fresh table of the tests' DynamoDB Local (its credential in STATE_DIR).
let local: Awaited<ReturnType<typeof freshLocalStore>>;
let stateDir = '';
const meta = (version: string) => ({ version, schema: 3, createdAt: new Date().toISOString(), status: 'writing', counts: { town: 1, zcta: 0 } }) as unknown as VersionMeta;

beforeAll(async () => {
  local = await freshLocalStore();
  stateDir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-rollback-'));
  writeFileSync(path.join(stateDir, 'credentials.json'), JSON.stringify(local.credentials), { mode: 0o600 });
  let previous: string | null = null;
  for (const v of ['synthetic-old', 'synthetic-new']) {
    await local.store.beginVersion(meta(v));
    await local.store.putPlaces(v, [{ level: 'town', id: '2500100000', name: 'x' } as unknown as PlaceRecord]);
    await local.store.publishVersion(v, previous);
    previous = v;
  }
  await local.store.beginVersion(meta('synthetic-writing'));
});
afterAll(() => {
  local?.cleanup();
  rmSync(stateDir, { recursive: true, force: true });
});

const rollback = (...args: string[]) =>
  spawnSync('npx', ['--no-install', 'tsx', 'functions/src/cli/rollback.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, STATE_DIR: stateDir, DYNAMODB_ENDPOINT: local.endpoint, TABLE_NAME: local.tableName, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });

describe('npm run rollback', () => {
  it('moves the pointer to a complete version and prints what it did and how to undo it', async () => {
    const run = rollback('--to', 'synthetic-old');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('current version: synthetic-new → synthetic-old');
    expect(run.stdout).toContain('To undo: npm run rollback -- --to synthetic-new');
    expect((await local.store.getCurrentVersion())?.version).toBe('synthetic-old');
  }, 70_000);

  it('refuses a version that is not complete, changing nothing', async () => {
    const run = rollback('--to', 'synthetic-writing');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error: synthetic-writing cannot be made current: its status is "writing", not "complete"');
    expect((await local.store.getCurrentVersion())?.version).toBe('synthetic-old');
  }, 70_000);

  it('pins a complete version (npm run versions), refusing others', async () => {
    const pin = spawnSync('npx', ['--no-install', 'tsx', 'functions/src/cli/versions.ts', 'pin', 'synthetic-new'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, STATE_DIR: stateDir, DYNAMODB_ENDPOINT: local.endpoint, TABLE_NAME: local.tableName },
    });
    expect(pin.status, pin.stderr).toBe(0);
    expect(pin.stdout).toContain('synthetic-new pinned: retention keeps it');
    expect((await local.store.getVersion('synthetic-new'))?.pinned).toBe(true);
  }, 70_000);

  it('lists the versions with the current one starred, and shows usage without arguments', () => {
    const list = rollback('--list');
    expect(list.stdout).toMatch(/^\* synthetic-old {2}complete/m);
    expect(list.stdout).toMatch(/^ {2}synthetic-writing {2}writing/m);
    expect(list.stdout).toMatch(/^ {2}synthetic-new {2}complete, pinned/m);
    const usage = rollback();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: npm run rollback -- --to <versionId>');
  }, 70_000);
});
