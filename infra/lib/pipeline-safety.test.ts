import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStack, type Synthesized } from './synth-for-test.js';

// Issue 17, defect 2: one pipeline run at a time, never retried by Lambda, failures kept and alarmed.
// Configuration only, so no esbuild bundling (fast).
let s: Synthesized;
beforeAll(() => {
  s = synthStack({ stage: 'prod', bundle: false, alarmEmail: 'ops@example.org' });
}, 120_000);

type Json = Record<string, any>;
const pipelineFunctionId = () => Object.keys(s.template.findResources('AWS::Lambda::Function')).find((id) => id.startsWith('JobsPipelineFunction'))!;

describe('pipeline Lambda: retries and overlap', () => {
  it('runs at most one invocation at a time', () => {
    const fn = s.template.findResources('AWS::Lambda::Function')[pipelineFunctionId()]!;
    expect(fn.Properties.ReservedConcurrentExecutions).toBe(1);
  });

  it('is never retried by Lambda (EventBridge target nor async invoke) and sends failures to an encrypted queue', () => {
    s.template.hasResourceProperties('AWS::Events::Rule', { Targets: [Match.objectLike({ RetryPolicy: { MaximumRetryAttempts: 0 } })] });
    const configs = Object.values(s.template.findResources('AWS::Lambda::EventInvokeConfig')) as Json[];
    const pipelineConfig = configs.find((c) => JSON.stringify(c.Properties.FunctionName).includes(pipelineFunctionId()));
    expect(pipelineConfig, 'EventInvokeConfig of the pipeline').toBeDefined();
    expect(pipelineConfig!.Properties.MaximumRetryAttempts).toBe(0);
    const destination = JSON.stringify(pipelineConfig!.Properties.DestinationConfig.OnFailure.Destination);
    const queueId = Object.keys(s.template.findResources('AWS::SQS::Queue')).find((id) => destination.includes(id));
    expect(queueId, `on-failure destination ${destination} is a queue of the stack`).toBeDefined();
    const queue = s.template.findResources('AWS::SQS::Queue')[queueId!]!;
    expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    // Kept long enough to be read after a weekend (the alarm says a run failed; the message says which event).
    expect(queue.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
  });

  it('alarms to the ops topic as soon as a failed run is in the queue', () => {
    const alarms = Object.values(s.template.findResources('AWS::CloudWatch::Alarm')) as Json[];
    const failed = alarms.find((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' && a.Properties.Namespace === 'AWS/SQS');
    expect(failed, 'alarm on the failure queue').toBeDefined();
    expect(failed!.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    const topicId = Object.keys(s.template.findResources('AWS::SNS::Topic'))[0]!;
    expect(JSON.stringify(failed!.Properties.AlarmActions)).toContain(topicId);
  });

  it('tells the pipeline which code revision it runs, so an unchanged run can be skipped (pipeline-job.ts)', () => {
    const fn = s.template.findResources('AWS::Lambda::Function')[pipelineFunctionId()]!;
    expect(fn.Properties.Environment.Variables.CODE_REVISION).toMatch(/^code-[0-9a-f]{16}$/);
  });

  it('tells the pipeline the git commit it was deployed from (recorded in each version: code-provenance.ts)', () => {
    const fn = s.template.findResources('AWS::Lambda::Function')[pipelineFunctionId()]!;
    expect(fn.Properties.Environment.Variables.GIT_COMMIT).toMatch(/^[0-9a-f]{40}$/);
    expect(fn.Properties.Environment.Variables.GIT_DIRTY).toMatch(/^(true|false)$/);
  });

  it('passes cdk-nag with every acknowledgement of the queue stated', () => {
    const nag = s.report.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
    expect((nag?.violations ?? []).filter((v) => v.severity === 'error').map((v) => v.ruleName)).toEqual([]);
    expect(s.synthError).toBeNull();
  });
});

// Issue 17, item 10: the schedule must not fire before the first upload.
describe('pipeline schedule', () => {
  const scheduleRule = (t: Synthesized) => (Object.values(t.template.findResources('AWS::Events::Rule')) as Json[]).find((r) => r.Properties.ScheduleExpression);

  it('is off on a deploy without -c pipelineSchedule=on (nothing runs against an empty bucket)', () => {
    expect(scheduleRule(s)?.Properties.State).toBe('DISABLED');
  });

  it('fires once the deploy after the first upload turns it on', () => {
    const on = synthStack({ stage: 'prod', bundle: false, alarmEmail: 'ops@example.org', context: { pipelineSchedule: 'on' } });
    expect(scheduleRule(on)?.Properties.State).toBe('ENABLED');
    expect(scheduleRule(on)?.Properties.ScheduleExpression).toBe(scheduleRule(s)?.Properties.ScheduleExpression);
  });
});
