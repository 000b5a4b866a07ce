import { Aws, Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, type CfnAlarm, ComparisonOperator, MathExpression, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { acknowledge } from '../acknowledge.js';
import { Construct } from 'constructs';
import { STALE_DATA_METRIC } from '../../../functions/src/pipeline/staleness.js';
import { inUsEast1 } from '../us-east-1.js';

export interface OperationsAlarmsProps {
  /** The API functions by a short readable name: error rate and throttles. */
  apiFunctions: Record<string, IFunction>;
  /** Scheduled or on-demand jobs by name: any failed run (a job runs about once a day). */
  jobFunctions: Record<string, IFunction>;
  table: TableV2;
  api: HttpApi;
  /** The CDN: its 5xx rate (CloudFront metrics exist only in us-east-1). */
  distribution?: IDistribution;
  /** Stale data (pipeline/staleness.ts): the pipeline's StaleSourceDays for this stack above `afterDays`. */
  staleData: { afterDays: number };
  /** Optional e-mail subscribed to the topic (`-c alarmEmail=…`). */
  email?: string;
  /** An existing ops topic (`-c alarmTopicArn=…`): alarms go there and the stack creates no topic. Prod needs this or `email` (infra/lib/alarm-recipients.ts). */
  topicArn?: string;
}

const PERIOD = Duration.minutes(5);
/** A sustained problem, not a blip: 3 of the last 5 five-minute periods (docs/deploy.md, "Monitoring"). */
const SUSTAINED = { evaluationPeriods: 5, datapointsToAlarm: 3 };

/** Alarms on anything that means users see errors or stale data, all to one SNS topic, which also hears when they clear. */
export class OperationsAlarms extends Construct {
  readonly topic: ITopic;
  /** Every alarm that exists in any region (the CloudFront one, created in us-east-1 only, is left out). */
  readonly alarms: Alarm[] = [];
  /** The API's 5xx rate: also a rollback trigger for API deployments (gradual-deployment.ts). */
  readonly api5xxRate: Alarm;

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    this.topic = props.topicArn ? Topic.fromTopicArn(this, 'Topic', props.topicArn) : this.ownTopic();
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));

    for (const [name, fn] of Object.entries(props.apiFunctions)) {
      // A rate, with a floor so that 1 failure in 2 requests at night is not "50 %".
      const errorRate = new MathExpression({
        expression: 'IF(invocations >= 5, 100 * errors / invocations, 0)',
        usingMetrics: { errors: fn.metricErrors({ period: PERIOD, statistic: 'Sum' }), invocations: fn.metricInvocations({ period: PERIOD, statistic: 'Sum' }) },
        period: PERIOD,
        label: `${name} error rate (%)`,
      });
      this.add(`${name}ErrorRate`, `${name} function: ≥ 2 % of invocations failed in 3 of 5 periods of 5 min (≥ 5 invocations)`, errorRate, { threshold: 2, ...SUSTAINED });
      this.add(`${name}Throttles`, `${name} function: ≥ 10 invocations throttled in 2 of 3 periods of 5 min (concurrency cap reached)`, fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }), { threshold: 10, evaluationPeriods: 3, datapointsToAlarm: 2 });
    }
    for (const [name, fn] of Object.entries(props.jobFunctions)) {
      // One failed run is the signal: the pipeline runs once a day and a failure leaves the data as it was.
      this.add(`${name}Errors`, `${name} function: a run failed (its log has "run failed" with the run id)`, fn.metricErrors({ period: PERIOD, statistic: 'Sum' }), { threshold: 1, evaluationPeriods: 1 });
    }
    this.add(
      'TableThrottles',
      'DynamoDB: ≥ 10 requests throttled in 2 of 3 periods of 5 min',
      props.table.metricThrottledRequestsForOperations({
        operations: [Operation.GET_ITEM, Operation.QUERY, Operation.PUT_ITEM, Operation.UPDATE_ITEM, Operation.BATCH_WRITE_ITEM, Operation.TRANSACT_WRITE_ITEMS],
        period: PERIOD,
      }),
      { threshold: 10, evaluationPeriods: 3, datapointsToAlarm: 2 },
    );

    const requests = props.api.metricCount({ period: PERIOD, statistic: 'Sum' });
    const rate = (expression: string, errorsKey: string, errors: IMetric, floor: number, label: string) =>
      new MathExpression({ expression: `IF(requests >= ${floor}, ${expression}, 0)`, usingMetrics: { requests, [errorsKey]: errors }, period: PERIOD, label });
    this.api5xxRate = this.add('Api5xxRate', 'API: ≥ 1 % of requests answered 5xx in 3 of 5 periods of 5 min (≥ 10 requests)', rate('100 * errors5xx / requests', 'errors5xx', props.api.metricServerError({ period: PERIOD, statistic: 'Sum' }), 10, 'API 5xx (%)'), { threshold: 1, ...SUSTAINED });
    // 4xx includes 429 (throttled) and 401/403: a broken client release or someone probing, worth a look when it dominates.
    this.add('Api4xxRate', 'API: ≥ 25 % of requests answered 4xx in 3 of 5 periods of 5 min (≥ 50 requests)', rate('100 * errors4xx / requests', 'errors4xx', props.api.metricClientError({ period: PERIOD, statistic: 'Sum' }), 50, 'API 4xx (%)'), { threshold: 25, ...SUSTAINED });
    // Warm answers take tens of ms and a cold start about a second; p99 above 3 s for 15 minutes is users waiting.
    this.add('ApiLatencyP99', 'API: p99 latency ≥ 3 s in 3 of 5 periods of 5 min', props.api.metricLatency({ period: PERIOD, statistic: 'p99' }), { threshold: 3000, ...SUSTAINED });

    if (props.distribution) {
      const cdn = (metricName: string, statistic: string) =>
        new Metric({ namespace: 'AWS/CloudFront', metricName, dimensionsMap: { DistributionId: props.distribution!.distributionId, Region: 'Global' }, period: PERIOD, statistic });
      const cdnAlarm = this.add(
        'Cdn5xxRate',
        'CloudFront: ≥ 2 % of requests answered 5xx in 3 of 5 periods of 5 min (≥ 20 requests)',
        new MathExpression({ expression: 'IF(requests >= 20, errorRate, 0)', usingMetrics: { requests: cdn('Requests', 'Sum'), errorRate: cdn('5xxErrorRate', 'Average') }, period: PERIOD, label: 'CloudFront 5xx (%)' }),
        { threshold: 2, ...SUSTAINED },
      );
      // CloudFront publishes its metrics in us-east-1 only; an alarm elsewhere would wait forever on missing data.
      (cdnAlarm.node.defaultChild as CfnAlarm).cfnOptions.condition = inUsEast1(this);
      // Not in `alarms`: whatever refers to it (the dashboard's alarm widget) would break a deploy outside us-east-1.
      this.alarms.splice(this.alarms.indexOf(cdnAlarm), 1);
    }

    this.add(
      'StaleData',
      `Data: sources changed more than ${props.staleData.afterDays} days ago and no version computed from them is published (metric from the pipeline after each run)`,
      new Metric({ namespace: STALE_DATA_METRIC.namespace, metricName: STALE_DATA_METRIC.name, dimensionsMap: { [STALE_DATA_METRIC.dimension]: Aws.STACK_NAME }, period: Duration.days(1), statistic: 'Maximum' }),
      { threshold: props.staleData.afterDays, evaluationPeriods: 1 },
    );
  }

  private ownTopic(): Topic {
    const topic = new Topic(this, 'Topic', { displayName: 'Equity Atlas alarms', enforceSSL: true });
    acknowledge(topic, [
      {
        id: 'AwsSolutions-SNS2',
        reason: 'Alarm notifications carry only alarm names and metric values. CloudWatch cannot publish to a topic encrypted with the aws/sns key, and a customer managed key would cost more than the rest of the idle stack.',
      },
    ]);
    return topic;
  }

  private add(id: string, description: string, metric: IMetric, when: { threshold: number; evaluationPeriods: number; datapointsToAlarm?: number }): Alarm {
    const alarm = new Alarm(this, id, {
      alarmDescription: `Equity Atlas — ${description}`,
      metric,
      ...when,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No traffic is not an error (the stack is idle most of the time).
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }
}
