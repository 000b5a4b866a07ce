import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { stageConfig } from './stage-config.js';
import { synthStack, type Synthesized } from './synth-for-test.js';

describe('stageConfig', () => {
  it('defaults to dev and refuses unknown stages by name', () => {
    expect(stageConfig(undefined).name).toBe('dev');
    expect(stageConfig('prod').retainData).toBe(true);
    expect(() => stageConfig('production')).toThrow('stage: expected "dev" or "prod" (cdk -c stage=…), got "production"');
  });
});

// Prod differs from dev only in configuration, so this synthesis skips esbuild bundling (fast).
describe('prod stack', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthStack({ stage: 'prod', bundle: false, alarmEmail: 'ops@example.org' }); // prod refuses to synth without recipients (alarm-recipients.ts)
  }, 120_000);

  it('protects and retains the table', () => {
    s.template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }),
    });
  });

  it('retains the data and log buckets, the user pool and the log groups, and never auto-empties them', () => {
    for (const [id, b] of Object.entries(s.template.findResources('AWS::S3::Bucket'))) {
      if (!id.startsWith('Web')) expect(b.DeletionPolicy, id).toBe('Retain');
    }
    s.template.resourceCountIs('Custom::S3AutoDeleteObjects', 1); // the web bucket only: rebuilt from source on every deploy
    s.template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }) });
    for (const [id, g] of Object.entries(s.template.findResources('AWS::Logs::LogGroup'))) {
      expect(g.DeletionPolicy, id).toBe('Retain');
      expect(g.Properties.RetentionInDays, id).toBe(180);
    }
  });

  it('uses the prod throttle and a daily recompute', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 } });
    s.template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 7 * * ? *)' });
  });

  it('passes cdk-nag too', () => {
    const nag = s.report.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
    expect((nag?.violations ?? []).filter((v) => v.severity === 'error').map((v) => v.ruleName)).toEqual([]);
    expect(s.synthError).toBeNull();
  });
});
