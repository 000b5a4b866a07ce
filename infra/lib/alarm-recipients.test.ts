import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './constructs/app-function.js';
import { alarmRecipients } from './alarm-recipients.js';
import { synthStack } from './synth-for-test.js';

// Issue 17, defect 3: prod alarms must reach someone.
describe('alarmRecipients', () => {
  it('refuses prod with neither an e-mail nor an ops topic, saying what to pass', () => {
    for (const context of [{}, { alarmEmail: '' }, { alarmEmail: '  ', alarmTopicArn: undefined }]) {
      expect(() => alarmRecipients('prod', context)).toThrow(/prod alarms would notify nobody: pass -c alarmEmail=.* or -c alarmTopicArn=arn:aws:sns:/);
    }
  });

  it('accepts prod with either, and dev with neither', () => {
    expect(alarmRecipients('prod', { alarmEmail: 'ops@example.org' })).toEqual({ email: 'ops@example.org' });
    const topicArn = 'arn:aws:sns:us-east-1:123456789012:ops-alarms';
    expect(alarmRecipients('prod', { alarmTopicArn: topicArn })).toEqual({ topicArn });
    expect(alarmRecipients('dev', {})).toEqual({});
  });

  it('refuses values that cannot be recipients', () => {
    expect(() => alarmRecipients('prod', { alarmEmail: 'ops' })).toThrow('alarmEmail: expected an e-mail address');
    expect(() => alarmRecipients('dev', { alarmTopicArn: 'ops-alarms' })).toThrow('alarmTopicArn: expected an SNS topic ARN');
  });
});

describe('the CDK app (infra/bin/app.ts)', () => {
  it('fails synth of prod without alarm recipients, before building anything', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'equity-atlas-cdk-out-'));
    try {
      const env = { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ stage: 'prod' }), CDK_OUTDIR: out };
      const run = spawnSync('npx', ['--no-install', 'tsx', 'infra/bin/app.ts'], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 170_000 });
      expect(run.status, run.stdout).not.toBe(0);
      expect(run.stderr).toContain('error: prod alarms would notify nobody: pass -c alarmEmail=');
      expect(run.stderr, 'a message for the operator, not a stack trace').not.toMatch(/^\s+at /m);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('an existing ops topic (-c alarmTopicArn=…)', () => {
  it('receives every alarm, and the stack creates no topic of its own', () => {
    const topicArn = 'arn:aws:sns:us-east-1:123456789012:ops-alarms';
    const s = synthStack({ stage: 'prod', bundle: false, alarmTopicArn: topicArn });
    expect(s.synthError).toBeNull();
    s.template.resourceCountIs('AWS::SNS::Topic', 0);
    // Every operations alarm (the Alarms construct's and the pipeline failure queue's) notifies the ops topic;
    // alarms without actions (e.g. a deployment's rollback alarm, read by CodeDeploy) notify nobody by design.
    const alarms = Object.entries(s.template.findResources('AWS::CloudWatch::Alarm'));
    const operations = alarms.filter(([id]) => id.startsWith('Alarms') || id.startsWith('JobsPipelineFailed'));
    expect(operations.length).toBeGreaterThan(5);
    for (const [id, a] of operations) expect(a.Properties.AlarmActions, id).toContain(topicArn);
    for (const [id, a] of alarms) for (const action of a.Properties.AlarmActions ?? []) expect(action, id).toBe(topicArn);
  }, 120_000);
});
