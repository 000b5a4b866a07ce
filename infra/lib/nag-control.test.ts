import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import type { ValidationReport } from './synth-for-test.js';

// Control for stack.test.ts: the same cdk-nag wiring must fail synth on a known-bad resource,
// so "no findings" there means the checks ran and passed, not that they never ran.
describe('cdk-nag wiring (control)', () => {
  it('fails synth and reports a plain bucket (no TLS policy, no access logs)', () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'cdk-nag-control-'));
    const app = new App({ outdir });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    new Bucket(new Stack(app, 'Control'), 'Plain');
    expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
    const report = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
    const rules = report.pluginReports.find((p) => p.pluginName === 'AwsSolutions')!.violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });
});
