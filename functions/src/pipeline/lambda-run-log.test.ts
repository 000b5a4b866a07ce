import { describe, expect, it, vi } from 'vitest';

// The pipeline Lambda's log lines (issue 17, item 8): every line of an invocation carries its run id (the Lambda
// request id). S3 has no sources, so the run ends early; the version id on lines is covered by run-log.test.ts.
vi.mock('@aws-sdk/client-s3', async (importOriginal) => {
  const real = await importOriginal<typeof import('@aws-sdk/client-s3')>();
  class S3Client {
    async send() {
      throw new real.NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} });
    }
  }
  return { ...real, S3Client };
});

describe('pipeline Lambda handler logs', () => {
  it('puts the request id on every line, ends with how the run finished, and reports a failed metric without failing the run', async () => {
    vi.stubEnv('DATA_BUCKET', 'synthetic-bucket');
    vi.stubEnv('DYNAMODB_ENDPOINT', 'http://127.0.0.1:9'); // nothing listens: the stale-data metric cannot read the current version
    vi.stubEnv('METRICS_STACK', 'EquityAtlas-test');
    const lines: Record<string, unknown>[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(JSON.parse(line)));
    try {
      const { handler } = await import('./lambda.js');
      expect(await handler({}, { awsRequestId: 'req-abc' })).toEqual({ outcome: 'no-sources' });
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
    const ofRun = lines.filter((l) => l.message !== 'init');
    expect(ofRun.length).toBeGreaterThanOrEqual(3);
    for (const l of ofRun) expect(l.runId, String(l.message)).toBe('req-abc');
    expect(ofRun.map((l) => l.message)).toEqual(expect.arrayContaining(['run finished', 'stale-data metric not reported']));
    expect(ofRun.find((l) => l.message === 'run finished')).toMatchObject({ outcome: 'no-sources', level: 'info' });
  });
});
