import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Who has this STATE_DIR's DynamoDB Local open (issue 14, defect 3): two JVMs
 * on the same database files break each other (InternalFailure), so exactly
 * one process starts DynamoDB Local and records it in STATE_DIR/dynamodb.json.
 * `npm start` (role "serve") shares its store: a pipeline run beside it uses
 * the recorded endpoint. A one-off command (pipeline, report) that started
 * DynamoDB Local itself stops it when done, so nobody may lean on it: others
 * are refused until it finishes.
 */
export const LOCK_FILE = 'dynamodb.json';

/** `serve`: `npm start`, which shares its store; `command`: a one-off run (pipeline, reports), which does not. */
export type StoreRole = 'serve' | 'command';

export interface StoreLockRecord {
  /** The process that started DynamoDB Local and will stop it. */
  pid: number;
  role: StoreRole;
  /** What runs there, for messages (the script's file name). */
  command: string;
  /** Null while DynamoDB Local is still starting. */
  endpoint: string | null;
  /** The JVM's process id, once started. */
  dbPid: number | null;
  startedAt: string;
}

export type StoreClaim =
  | { kind: 'owner'; file: string; publish(endpoint: string, dbPid: number): void; release(): void }
  | { kind: 'reuse'; file: string; endpoint: string; ownerPid: number };

export class LocalStoreBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalStoreBusyError';
  }
}

export interface ClaimOptions {
  /** How long to wait for a starting `npm start` to publish its endpoint (default 120 s: JVM start). */
  waitMs?: number;
  isAlive?: (pid: number) => boolean;
  sleep?: (ms: number) => Promise<void>;
  /** Stop an orphaned DynamoDB Local on `dbDir`; false when it cannot be shown to be one (default: stopOrphanedDynamoDb). */
  stopOrphan?: (pid: number, dbDir: string) => Promise<boolean>;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * SIGTERM (then SIGKILL) process `pid` only if its command line (Linux /proc) is
 * DynamoDB Local on `dbDir` — a recycled pid must never be killed. Resolves
 * true once it has exited, false when it is not provably that JVM.
 */
export async function stopOrphanedDynamoDb(pid: number, dbDir: string): Promise<boolean> {
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return false;
  }
  const dbPath = argv[argv.indexOf('-dbPath') + 1];
  if (!argv.some((a) => a.endsWith('DynamoDBLocal.jar')) || argv.indexOf('-dbPath') < 0 || path.resolve(dbPath ?? '') !== path.resolve(dbDir)) return false;
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; isProcessAlive(pid); waited += 100) {
    if (waited === 10_000) process.kill(pid, 'SIGKILL');
    if (waited > 20_000) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

function readRecord(file: string): StoreLockRecord | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StoreLockRecord;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new LocalStoreBusyError(`${file} is unreadable (${(err as Error).message}); if no Equity Atlas process is running, delete it`);
  }
}

/** Records are written whole (temp file + link/rename), so a reader never sees half a record. */
function writeTemp(file: string, record: StoreLockRecord): string {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  return tmp;
}

const same = (a: StoreLockRecord | null, b: StoreLockRecord | null) => !!a && !!b && a.pid === b.pid && a.startedAt === b.startedAt;

/**
 * Take this STATE_DIR's store: become its owner (start DynamoDB Local, then
 * `publish`), reuse a running `npm start`'s endpoint, or throw
 * LocalStoreBusyError saying who holds it.
 */
export async function claimLocalStore(stateDir: string, role: StoreRole, options: ClaimOptions = {}): Promise<StoreClaim> {
  const file = path.join(stateDir, LOCK_FILE);
  const isAlive = options.isAlive ?? isProcessAlive;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const stopOrphan = options.stopOrphan ?? stopOrphanedDynamoDb;
  const deadline = Date.now() + (options.waitMs ?? 120_000);
  for (;;) {
    const mine: StoreLockRecord = { pid: process.pid, role, command: path.basename(process.argv[1] ?? 'node'), endpoint: null, dbPid: null, startedAt: new Date().toISOString() };
    const tmp = writeTemp(file, mine);
    try {
      linkSync(tmp, file); // atomic, and fails when someone holds the store
      return ownerClaim(file, mine);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(tmp);
    }
    const held = readRecord(file);
    if (!held) continue; // released meanwhile
    if (!isAlive(held.pid)) {
      // After a kill -9 of its owner the JVM lives on, holding the files: stop it if it provably is ours.
      if (held.dbPid !== null && isAlive(held.dbPid) && !(await stopOrphan(held.dbPid, path.join(stateDir, 'dynamodb')))) {
        throw new LocalStoreBusyError(
          `DynamoDB Local (pid ${held.dbPid}) outlived the process that started it (pid ${held.pid}, killed?) and still holds ${stateDir}. ` +
            `Stop it (kill ${held.dbPid}) and delete ${file}, then retry.`,
        );
      }
      removeStale(file, held);
      continue;
    }
    if (held.role !== 'serve') {
      throw new LocalStoreBusyError(`${held.command} (pid ${held.pid}) has the local store in ${stateDir} open; wait for it to finish, then retry`);
    }
    if (held.endpoint) return { kind: 'reuse', file, endpoint: held.endpoint, ownerPid: held.pid };
    if (Date.now() > deadline) throw new LocalStoreBusyError(`npm start (pid ${held.pid}) is still starting DynamoDB Local for ${stateDir}; retry when it is up`);
    await sleep(250);
  }
}

/** Move a dead owner's record aside; if a live one was taken by mistake (a race with another starter), put it back. */
function removeStale(file: string, stale: StoreLockRecord): void {
  const aside = `${file}.stale.${process.pid}`;
  try {
    renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (!same(readRecord(aside), stale)) {
    try {
      linkSync(aside, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  unlinkSync(aside);
}

function ownerClaim(file: string, record: StoreLockRecord): StoreClaim {
  let current = record;
  const release = () => {
    process.removeListener('exit', release);
    if (same(readRecord(file), current)) unlinkSync(file);
  };
  process.once('exit', release); // also on an uncaught error; a SIGKILL leaves a record whose pid is dead (stale)
  return {
    kind: 'owner',
    file,
    publish(endpoint, dbPid) {
      current = { ...record, endpoint, dbPid };
      renameSync(writeTemp(file, current), file);
    },
    release,
  };
}
