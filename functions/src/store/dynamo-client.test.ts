import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { AWS_TIMEOUTS, BULK_READ, createDynamoClient, LOCAL_TIMEOUTS, worstCaseMs } from './dynamo-client.js';
import { DynamoIndexStore } from './dynamo-index-store.js';
import { freePort } from './local-dynamodb.js';

/** A "store" that accepts connections and reads requests but never answers: a paused DynamoDB Local. */
async function silentServer(): Promise<{ endpoint: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk) => (requests += (chunk.toString().match(/^POST \//gm) ?? []).length));
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.map((f) => f()));
  cleanup = [];
});

async function timeFailure(send: () => Promise<unknown>): Promise<{ ms: number; error: Error }> {
  const started = performance.now();
  const error = await send().then(
    () => new Error('expected the call to fail'),
    (err: Error) => err,
  );
  return { ms: performance.now() - started, error };
}

describe('createDynamoClient time limits', () => {
  it('budgets a few seconds locally and stays inside API Gateway’s 29 s in AWS', () => {
    expect(worstCaseMs(LOCAL_TIMEOUTS)).toBeLessThanOrEqual(5_000);
    expect(worstCaseMs(AWS_TIMEOUTS)).toBeLessThan(15_000);
    expect(LOCAL_TIMEOUTS.maxAttempts).toBeGreaterThan(1); // one jittered retry rides over a blip
  });

  it('gives up on a store that never answers within the local budget, after a bounded number of attempts', async () => {
    const store = await silentServer();
    const client = createDynamoClient({ endpoint: store.endpoint, region: 'us-east-1' });
    cleanup.push(async () => client.destroy(), store.close);
    const { ms, error } = await timeFailure(() => client.send(new ListTablesCommand({})));
    expect(error.name).toBe('TimeoutError');
    expect(ms).toBeGreaterThanOrEqual(LOCAL_TIMEOUTS.requestTimeoutMs * LOCAL_TIMEOUTS.maxAttempts - 100);
    expect(ms).toBeLessThan(worstCaseMs(LOCAL_TIMEOUTS) + 1_000);
    expect(store.requests()).toBe(LOCAL_TIMEOUTS.maxAttempts);
  }, 15_000);

  it('applies the timeouts it is given', async () => {
    const store = await silentServer();
    const timeouts = { connectionTimeoutMs: 100, requestTimeoutMs: 150, maxAttempts: 3 };
    const client = createDynamoClient({ endpoint: store.endpoint, region: 'us-east-1', timeouts });
    cleanup.push(async () => client.destroy(), store.close);
    const { ms, error } = await timeFailure(() => client.send(new ListTablesCommand({})));
    expect(error.name).toBe('TimeoutError');
    expect(ms).toBeLessThan(worstCaseMs(timeouts) + 500);
    expect(store.requests()).toBe(3);
  });

  it('fails fast on a dead store (connection refused)', async () => {
    const client = createDynamoClient({ endpoint: `http://127.0.0.1:${await freePort()}`, region: 'us-east-1' });
    cleanup.push(async () => client.destroy());
    const { ms, error } = await timeFailure(() => client.send(new ListTablesCommand({})));
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(ms).toBeLessThan(1_000);
  });

  it('gives bulk reads (a version\u2019s places) the longer BULK_READ limit, and small reads the short one', async () => {
    // A slow but alive store: every answer (an empty result) after 600 ms.
    const server = createHttpServer((req, res) => {
      req.resume();
      req.on('end', () => setTimeout(() => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{"Items":[],"Count":0}'), 600));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = createDynamoClient({
      endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
      region: 'us-east-1',
      timeouts: { connectionTimeoutMs: 1_000, requestTimeoutMs: 300, maxAttempts: 1 },
    });
    cleanup.push(async () => client.destroy(), () => new Promise((resolve) => server.close(() => resolve())));
    const store = new DynamoIndexStore(client, 'slow');
    expect(await store.listPlaces('v1', 'town')).toEqual([]);
    expect(BULK_READ.requestTimeout).toBeGreaterThan(600);
    expect((await timeFailure(() => store.getCurrentVersion())).error.name).toBe('TimeoutError');
  });
});
