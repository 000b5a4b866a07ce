import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A DynamoDB Local credential. Only the access key id matters to it (it does not check signatures). */
export interface LocalCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A fresh random credential (in-memory instances use one per start). */
export function newLocalCredentials(): LocalCredentials {
  return { accessKeyId: `EA${randomBytes(16).toString('hex').toUpperCase()}`, secretAccessKey: randomBytes(32).toString('base64url') };
}

export const CREDENTIALS_FILE = 'credentials.json';

/**
 * This install's DynamoDB Local credential, kept in STATE_DIR/credentials.json
 * (mode 0600, STATE_DIR 0700) and generated on first use. DynamoDB Local keeps
 * one database per access key id and region and verifies no signature, so the
 * 128-bit random access key id is what keeps other clients out (issue 14,
 * defect 4): anyone else — another user, another machine — sees an empty store.
 * Access key ids must be letters and digits only (DynamoDB Local ≥ 2).
 */
export function localCredentials(stateDir: string): LocalCredentials {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  chmodSync(stateDir, 0o700); // an existing STATE_DIR from an older release may be world-readable
  const file = path.join(stateDir, CREDENTIALS_FILE);
  const fresh = newLocalCredentials();
  try {
    // 'wx': two first runs at once cannot both write one; the loser reads the winner's.
    writeFileSync(file, `${JSON.stringify(fresh, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    return fresh;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return parseCredentials(readFileSync(file, 'utf8'), file);
}

function parseCredentials(text: string, file: string): LocalCredentials {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${file}: not JSON — delete it to generate a new credential (the store it names then reads as empty)`);
  }
  const { accessKeyId, secretAccessKey } = (parsed ?? {}) as Partial<LocalCredentials>;
  if (typeof accessKeyId !== 'string' || !/^[A-Za-z0-9]{16,128}$/.test(accessKeyId) || typeof secretAccessKey !== 'string' || secretAccessKey === '') {
    throw new Error(`${file}: expected {"accessKeyId": letters and digits, "secretAccessKey": "…"}`);
  }
  return { accessKeyId, secretAccessKey };
}
