import { describe, expect, it, vi } from 'vitest';

// The pipeline Lambda on a new stack whose bucket has no sources/ yet: S3 answers NoSuchKey for every key.
const requested: string[] = [];
vi.mock('@aws-sdk/client-s3', async (importOriginal) => {
  const real = await importOriginal<typeof import('@aws-sdk/client-s3')>();
  class S3Client {
    async send(command: { input: { Key: string } }) {
      requested.push(command.input.Key);
      throw new real.NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} });
    }
  }
  return { ...real, S3Client };
});

describe('pipeline Lambda handler before the first upload', () => {
  it('exits cleanly with "no sources uploaded yet" (no error, so no failure-queue message and no alarm), writing nothing', async () => {
    vi.stubEnv('DATA_BUCKET', 'synthetic-bucket');
    // Any DynamoDB call would fail: nothing listens here.
    vi.stubEnv('DYNAMODB_ENDPOINT', 'http://127.0.0.1:9');
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    try {
      const { handler } = await import('./lambda.js');
      expect(await handler({})).toEqual({ outcome: 'no-sources' });
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
    expect(requested[0]).toMatch(/^sources\//);
    const messages = lines.map((l) => String(JSON.parse(l).message));
    expect(messages).toContainEqual(expect.stringMatching(/^no sources uploaded yet: none of the \d+ staged sources is under sources\//));
    expect(messages.filter((m) => /fail|error/i.test(m))).toEqual([]);
  });
});
