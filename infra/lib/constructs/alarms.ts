import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { acknowledge } from '../acknowledge.js';
import { Construct } from 'constructs';

export interface OperationsAlarmsProps {
  /** Functions by a short readable name (used in the alarm description). */
  functions: Record<string, IFunction>;
  table: TableV2;
  api: HttpApi;
  /** Optional e-mail subscribed to the topic (`-c alarmEmail=…`). */
  email?: string;
  /** An existing ops topic (`-c alarmTopicArn=…`): alarms go there and the stack creates no topic. Prod needs this or `email` (infra/lib/alarm-recipients.ts). */
  topicArn?: string;
}

const PERIOD = Duration.minutes(5);

/** Alarms on anything that means users see errors or stale data, all to one SNS topic. */
export class OperationsAlarms extends Construct {
  readonly topic: ITopic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    this.topic = props.topicArn ? Topic.fromTopicArn(this, 'Topic', props.topicArn) : this.ownTopic();
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));

    for (const [name, fn] of Object.entries(props.functions)) {
      this.add(`${name}Errors`, `${name} function: invocations failed`, fn.metricErrors({ period: PERIOD, statistic: 'Sum' }));
      this.add(`${name}Throttles`, `${name} function: invocations throttled`, fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }));
    }
    this.add(
      'TableThrottles',
      'DynamoDB: requests throttled',
      props.table.metricThrottledRequestsForOperations({
        operations: [Operation.GET_ITEM, Operation.QUERY, Operation.PUT_ITEM, Operation.UPDATE_ITEM, Operation.BATCH_WRITE_ITEM, Operation.TRANSACT_WRITE_ITEMS],
        period: PERIOD,
      }),
    );
    this.add('Api5xx', 'API: 5xx responses', props.api.metricServerError({ period: PERIOD, statistic: 'Sum' }));
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

  private add(id: string, description: string, metric: IMetric): void {
    const alarm = new Alarm(this, id, {
      alarmDescription: `Equity Atlas — ${description}`,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No traffic is not an error (the stack is idle most of the time).
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
