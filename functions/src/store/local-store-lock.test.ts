import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimLocalStore, LOCK_FILE, LocalStoreBusyError, stopOrphanedDynamoDb, type StoreLockRecord } from './local-store-lock.js';

const dirs: string[] = [];
const stateDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const record = (over: Partial<StoreLockRecord>): StoreLockRecord => ({ pid: 4242, role: 'serve', command: 'start.ts', endpoint: 'http://127.0.0.1:1', dbPid: 4243, startedAt: '2026-11-30T00:00:00.000Z', ...over });
const hold = (dir: string, r: StoreLockRecord) => writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(r));
const aliveOnly = (...pids: number[]) => (pid: number) => pids.includes(pid);

describe('claimLocalStore (one DynamoDB Local per STATE_DIR)', () => {
  it('makes the first claimant the owner, records its endpoint, and lets a later one reuse it', async () => {
    const dir = stateDir();
    const owner = await claimLocalStore(dir, 'serve');
    expect(owner.kind).toBe('owner');
    if (owner.kind !== 'owner') return;
    owner.publish('http://127.0.0.1:5555', 777);
    const written = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as StoreLockRecord;
    expect(written).toMatchObject({ pid: process.pid, role: 'serve', endpoint: 'http://127.0.0.1:5555', dbPid: 777 });
    expect(statSync(path.join(dir, LOCK_FILE)).mode & 0o777).toBe(0o600);
    // The same process plays the pipeline here: the owner's pid is alive.
    const second = await claimLocalStore(dir, 'command');
    expect(second).toMatchObject({ kind: 'reuse', endpoint: 'http://127.0.0.1:5555', ownerPid: process.pid });
    owner.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses, naming the holder, while a one-off command has the store open (it will stop it when done)', async () => {
    const dir = stateDir();
    hold(dir, record({ role: 'command', command: 'pipeline.ts' }));
    await expect(claimLocalStore(dir, 'serve', { isAlive: aliveOnly(4242, 4243) })).rejects.toThrow(/pipeline\.ts \(pid 4242\) has the local store .* open/);
  });

  it('waits for a starting server to publish its endpoint, then gives up with a clear message', async () => {
    const dir = stateDir();
    hold(dir, record({ endpoint: null, dbPid: null }));
    let slept = 0;
    const claim = claimLocalStore(dir, 'command', { isAlive: aliveOnly(4242), waitMs: 0, sleep: async () => void slept++ });
    await expect(claim).rejects.toThrow(LocalStoreBusyError);
    await expect(claim).rejects.toThrow(/still starting DynamoDB Local/);

    let polls = 0;
    const reused = await claimLocalStore(dir, 'command', {
      isAlive: aliveOnly(4242),
      sleep: async () => {
        if (++polls === 3) hold(dir, record({ endpoint: 'http://127.0.0.1:6666' }));
      },
    });
    expect(reused).toMatchObject({ kind: 'reuse', endpoint: 'http://127.0.0.1:6666' });
  });

  it('takes over a record whose processes are all dead (a crash or kill -9)', async () => {
    const dir = stateDir();
    hold(dir, record({}));
    const claim = await claimLocalStore(dir, 'serve', { isAlive: aliveOnly(process.pid) });
    expect(claim.kind).toBe('owner');
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, endpoint: null });
    if (claim.kind === 'owner') claim.release();
  });

  it('stops the DynamoDB Local a killed owner left running on the files, then takes over; refuses when it is not provably ours', async () => {
    const dir = stateDir();
    hold(dir, record({}));
    const stopped: [number, string][] = [];
    const claim = await claimLocalStore(dir, 'serve', { isAlive: aliveOnly(4243, process.pid), stopOrphan: async (pid, dbDir) => (stopped.push([pid, dbDir]), true) });
    expect(stopped).toEqual([[4243, path.join(dir, 'dynamodb')]]);
    expect(claim.kind).toBe('owner');
    if (claim.kind === 'owner') claim.release();

    hold(dir, record({}));
    await expect(claimLocalStore(dir, 'serve', { isAlive: aliveOnly(4243), stopOrphan: async () => false })).rejects.toThrow(/DynamoDB Local \(pid 4243\) outlived .*kill 4243/);
    // The real check never signals a process that is not DynamoDB Local on this directory (here: this test runner).
    expect(await stopOrphanedDynamoDb(process.pid, path.join(dir, 'dynamodb'))).toBe(false);
  });

  it('release leaves a record that is no longer its own alone', async () => {
    const dir = stateDir();
    const claim = await claimLocalStore(dir, 'serve');
    if (claim.kind !== 'owner') throw new Error('expected owner');
    hold(dir, record({ pid: 9999 }));
    claim.release();
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: 9999 });
  });
});
