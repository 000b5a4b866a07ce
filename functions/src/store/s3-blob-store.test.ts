import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3BlobStore } from './s3-blob-store.js';

interface SentRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
}

/**
 * A real S3Client whose HTTP transport is an in-memory bucket: the SDK's own
 * request serializer and response/error deserializer run, only the network is
 * replaced (so a 404 becomes a real NoSuchKey, as it would from S3).
 */
function inMemoryS3(): { client: S3Client; objects: Map<string, { body: string; contentType: string }>; sent: SentRequest[] } {
  const objects = new Map<string, { body: string; contentType: string }>();
  const sent: SentRequest[] = [];
  const reply = (statusCode: number, body: string, headers: Record<string, string> = {}) => ({
    response: { statusCode, headers, body: Readable.from([Buffer.from(body)]) },
  });
  const client = new S3Client({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    forcePathStyle: true,
    requestHandler: {
      async handle(request: { method: string; path: string; headers: Record<string, string>; body?: unknown }) {
        sent.push({ method: request.method, path: request.path, headers: request.headers });
        const key = decodeURIComponent(request.path.replace(/^\/[^/]+\//, ''));
        if (request.method === 'PUT') {
          objects.set(key, { body: await bodyText(request.body), contentType: request.headers['content-type'] ?? '' });
          return reply(200, '', { etag: '"x"' });
        }
        if (request.method === 'DELETE') {
          objects.delete(key);
          return reply(204, ''); // S3 answers 204 whether or not the key existed
        }
        const object = objects.get(key);
        if (!object) return reply(404, '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>', { 'content-type': 'application/xml' });
        return reply(200, object.body, { 'content-type': object.contentType });
      },
    } as never,
  });
  return { client, objects, sent };
}

async function bodyText(body: unknown): Promise<string> {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

describe('S3BlobStore', () => {
  it('writes and reads back a blob under the prefix with its content type and a sha256 checksum', async () => {
    const s3 = inMemoryS3();
    const blobs = new S3BlobStore(s3.client, 'atlas-bucket', 'artifacts/');
    await blobs.put('geometry/v1/town.geojson', '{"type":"FeatureCollection","features":[]}', 'application/geo+json');

    expect([...s3.objects.keys()]).toEqual(['artifacts/geometry/v1/town.geojson']);
    expect(s3.objects.get('artifacts/geometry/v1/town.geojson')?.contentType).toBe('application/geo+json');
    expect(s3.sent[0]?.path).toBe('/atlas-bucket/artifacts/geometry/v1/town.geojson');
    expect(Object.keys(s3.sent[0]!.headers)).toContain('x-amz-checksum-sha256');
    expect(await blobs.get('geometry/v1/town.geojson')).toBe('{"type":"FeatureCollection","features":[]}');
  });

  it('deletes a blob under the prefix, and a missing one without error (the sweep of an abandoned version)', async () => {
    const s3 = inMemoryS3();
    const blobs = new S3BlobStore(s3.client, 'atlas-bucket', 'artifacts/');
    await blobs.put('geometry/v1/town.geojson', '{}', 'application/geo+json');
    await blobs.delete('geometry/v1/town.geojson');
    await blobs.delete('geometry/v1/zcta.geojson');
    expect([...s3.objects.keys()]).toEqual([]);
    expect(s3.sent.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/atlas-bucket/artifacts/geometry/v1/town.geojson', '/atlas-bucket/artifacts/geometry/v1/zcta.geojson']);
    await expect(blobs.delete('../sources/x.csv')).rejects.toThrow(/must be a relative key/);
  });

  it('reads a missing object as null, like a missing file', async () => {
    const blobs = new S3BlobStore(inMemoryS3().client, 'atlas-bucket');
    expect(await blobs.get('geometry/v9/zcta.geojson')).toBeNull();
  });

  it('refuses keys that are absolute or climb out of the prefix', async () => {
    const blobs = new S3BlobStore(inMemoryS3().client, 'atlas-bucket', 'geometry/');
    await expect(blobs.get('../sources/x.csv')).rejects.toThrow(/key: "\.\.\/sources\/x\.csv"/);
    await expect(blobs.put('/etc/x', 'x', 'text/plain')).rejects.toThrow(/must be a relative key/);
    expect(() => new S3BlobStore(inMemoryS3().client, '')).toThrow(/bucket/);
  });
});
