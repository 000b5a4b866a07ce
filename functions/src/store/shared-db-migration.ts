import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { LocalCredentials } from './local-credentials.js';

/** The one database DynamoDB Local kept with -sharedDb (releases before issue 14). */
export const SHARED_DB_FILE = 'shared-local-instance.db';

/** Without -sharedDb DynamoDB Local keeps one SQLite file per access key id and region. */
export function credentialDbFile(credentials: LocalCredentials, region: string): string {
  return `${credentials.accessKeyId}_${region}.db`;
}

/**
 * A store written by an older release (-sharedDb: every client saw it) becomes
 * this install's credential's database, by renaming the file — not copying it,
 * so no second, open copy is left behind; an older release pointed at this
 * STATE_DIR would start from an empty store. Nothing happens when this
 * credential already has a database (it wins) or there is no shared one.
 * Must run while no DynamoDB Local has the directory open (the caller holds
 * the store lock, before starting it). Returns the new file name, or null.
 */
export function migrateSharedDb(dbDir: string, credentials: LocalCredentials, region: string): string | null {
  const shared = path.join(dbDir, SHARED_DB_FILE);
  const target = path.join(dbDir, credentialDbFile(credentials, region));
  if (!existsSync(shared) || existsSync(target)) return null;
  // SQLite may keep a journal beside the database; it belongs to the same file name.
  for (const suffix of ['-journal', '-wal', '-shm']) {
    if (existsSync(shared + suffix)) renameSync(shared + suffix, target + suffix);
  }
  renameSync(shared, target);
  return path.basename(target);
}
