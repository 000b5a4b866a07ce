import { beforeAll, describe, expect, it } from 'vitest';
import { STALE_DATA_METRIC } from '../../functions/src/pipeline/staleness.js';
import { synthStack, type Json, type Synthesized } from './synth-for-test.js';

// Issue 17, item 8: alarms with sensible thresholds and OK actions; stale data, latency, 4xx/5xx rates, CloudFront
// 5xx; a dashboard; X-Ray on the API functions.
let s: Synthesized;
beforeAll(() => {
  s = synthStack({ stage: 'prod', bundle: false, alarmEmail: 'ops@example.org' });
}, 120_000);

const alarms = () => s.resources('AWS::CloudWatch::Alarm').filter(([id]) => id.startsWith('Alarms'));
const alarm = (prefix: string): Json => {
  const found = alarms().find(([id]) => id.startsWith(`Alarms${prefix}`));
  expect(found, prefix).toBeDefined();
  return found![1];
};
const expression = (a: Json) => (a.Properties.Metrics as Json[] | undefined)?.find((m) => m.Expression)?.Expression as string | undefined;
const metricNames = (a: Json) => [a.Properties.MetricName, ...((a.Properties.Metrics as Json[] | undefined) ?? []).map((m) => m.MetricStat?.Metric?.MetricName)].filter(Boolean);

describe('alarms', () => {
  it('notify the topic when they fire and when they clear', () => {
    const topic = s.resources('AWS::SNS::Topic').find(([id]) => id.startsWith('AlarmsTopic'))![0];
    expect(alarms().length).toBeGreaterThanOrEqual(9);
    for (const [id, a] of alarms()) {
      expect(a.Properties.AlarmActions, id).toEqual([{ Ref: topic }]);
      expect(a.Properties.OKActions, id).toEqual([{ Ref: topic }]);
    }
  });

  it('need more than one bad 5-minute period, except a failed scheduled job (one a day: a failure is the signal)', () => {
    const singleShot = alarms().filter(([, a]) => a.Properties.EvaluationPeriods === 1 && (a.Properties.Period ?? 0) <= 300 && a.Properties.Threshold <= 1);
    expect(singleShot.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(['AlarmsFetchErrors', 'AlarmsPipelineErrors']);
    for (const [id, a] of alarms()) {
      if (a.Properties.EvaluationPeriods > 1) expect(a.Properties.DatapointsToAlarm, id).toBeGreaterThan(1);
    }
  });

  it('watch the API functions’ error rate (errors per invocation, with a volume floor), not a raw count', () => {
    for (const name of ['ApiErrorRate', 'AdminApiErrorRate']) {
      const a = alarm(name);
      expect(expression(a), name).toMatch(/IF\(invocations >= \d+, 100 \* errors \/ invocations, 0\)/);
      expect(a.Properties).toMatchObject({ EvaluationPeriods: 5, DatapointsToAlarm: 3, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    }
  });

  it('watch API 5xx and 4xx rates and p99 latency', () => {
    expect(expression(alarm('Api5xxRate'))).toMatch(/100 \* errors5xx \/ requests/);
    expect(expression(alarm('Api4xxRate'))).toMatch(/100 \* errors4xx \/ requests/);
    const latency = alarm('ApiLatencyP99').Properties;
    expect(latency).toMatchObject({ MetricName: 'Latency', Namespace: 'AWS/ApiGateway', ExtendedStatistic: 'p99', DatapointsToAlarm: 3, EvaluationPeriods: 5 });
    expect(latency.Threshold).toBeGreaterThanOrEqual(1000);
  });

  it('watch CloudFront 5xx (its metrics exist only in us-east-1, so the alarm is created there only)', () => {
    const cdn = alarm('Cdn5xxRate');
    expect(metricNames(cdn)).toEqual(expect.arrayContaining(['5xxErrorRate', 'Requests']));
    expect(cdn.Condition).toBeDefined();
    const condition = s.template.toJSON().Conditions[cdn.Condition];
    expect(JSON.stringify(condition)).toMatch(/AWS::Region.*us-east-1/);
    // Nothing unconditional may refer to it, or a deploy elsewhere fails (the dashboard's alarm widget did).
    const cdnId = alarms().find(([id]) => id.startsWith('AlarmsCdn5xxRate'))![0];
    const referrers = Object.entries(s.template.toJSON().Resources as Record<string, Json>).filter(([id, r]) => id !== cdnId && !r.Condition && JSON.stringify(r).includes(cdnId));
    expect(referrers.map(([id]) => id)).toEqual([]);
  });

  it('raise stale data: sources newer than the current version for days (metric the pipeline emits)', () => {
    const stale = alarm('StaleData').Properties;
    expect(stale).toMatchObject({ Namespace: STALE_DATA_METRIC.namespace, MetricName: STALE_DATA_METRIC.name, Statistic: 'Maximum', Period: 86_400, Threshold: 3 });
    expect(stale.Dimensions).toEqual([{ Name: 'Stack', Value: { Ref: 'AWS::StackName' } }]);
    const pipeline = s.resources('AWS::Lambda::Function').find(([id]) => id.startsWith('JobsPipeline'))![1];
    expect(pipeline.Properties.Environment.Variables.METRICS_STACK).toEqual({ Ref: 'AWS::StackName' });
  });
});

describe('dashboard', () => {
  it('shows traffic, errors, latency, the functions, the table, CloudFront, stale data and the alarms', () => {
    const dashboards = s.resources('AWS::CloudWatch::Dashboard');
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]![1].Properties.DashboardBody);
    for (const needle of ['AWS/ApiGateway', 'p99', '5xx', '4xx', 'AWS/Lambda', 'Duration', 'ConcurrentExecutions', 'AWS/DynamoDB', 'AWS/CloudFront', STALE_DATA_METRIC.name, 'alarm']) {
      expect(body, needle).toContain(needle);
    }
  });
});

describe('tracing', () => {
  it('traces both API functions with X-Ray (HTTP APIs have no X-Ray support, so the stage has none)', () => {
    const fns = s.resources('AWS::Lambda::Function').filter(([id]) => /^(ApiFunction|AdminApiFunction)/.test(id));
    expect(fns).toHaveLength(2);
    for (const [id, fn] of fns) expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
    for (const [, stage] of s.resources('AWS::ApiGatewayV2::Stage')) expect(JSON.stringify(stage.Properties)).not.toMatch(/[Tt]racing/);
  });
});
