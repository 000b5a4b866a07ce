import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../functions/src/config.js';

// The README's `npx cdk synth` through the real CDK CLI: catches a CLI that cannot read the cloud
// assembly aws-cdk-lib writes (schema mismatch), which in-process synth tests cannot see.
describe('npx cdk synth', () => {
  it('succeeds offline with no AWS credentials', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'equity-atlas-cdk-out-'));
    try {
      const env = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', AWS_REGION: '', CDK_DISABLE_VERSION_CHECK: 'true' };
      const run = spawnSync('npx', ['--no-install', 'cdk', 'synth', '--quiet', '--no-notices', '-o', out], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 170_000 });
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(existsSync(path.join(out, 'manifest.json'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});
