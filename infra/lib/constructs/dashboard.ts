import { Aws, Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { AlarmStatusWidget, Dashboard, GraphWidget, type IAlarm, MathExpression, Metric, TextWidget } from 'aws-cdk-lib/aws-cloudwatch';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { STALE_DATA_METRIC } from '../../../functions/src/pipeline/staleness.js';

export interface OperationsDashboardProps {
  api: HttpApi;
  apiFunctions: Record<string, IFunction>;
  jobFunctions: Record<string, IFunction>;
  table: TableV2;
  distribution: IDistribution;
  alarms: IAlarm[];
}

const PERIOD = Duration.minutes(5);

/**
 * One CloudWatch dashboard for the stack: what users see (API traffic, error
 * rates, latency; CloudFront), what it costs to serve (Lambda duration and
 * concurrency, DynamoDB capacity), data freshness and every alarm's state.
 */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const { api } = props;
    const fns = Object.entries({ ...props.apiFunctions, ...props.jobFunctions });
    const apiFns = Object.entries(props.apiFunctions);
    const cdn = (metricName: string, statistic: string) =>
      // CloudFront metrics live in us-east-1 whatever the stack's region.
      new Metric({ namespace: 'AWS/CloudFront', metricName, dimensionsMap: { DistributionId: props.distribution.distributionId, Region: 'Global' }, statistic, period: PERIOD, region: 'us-east-1' });
    const requests = api.metricCount({ period: PERIOD, statistic: 'Sum' });
    const pct = (key: string, errors: Metric, label: string) => new MathExpression({ expression: `IF(requests > 0, 100 * ${key} / requests, 0)`, usingMetrics: { requests, [key]: errors }, label, period: PERIOD });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${Aws.STACK_NAME}-operations`,
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      new TextWidget({ markdown: '# Equity Atlas\nAlarms and their thresholds: docs/deploy.md, "Monitoring". Traces: X-Ray (API functions).', width: 24, height: 2 }),
      new AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms, width: 24, height: 3 }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'API requests', left: [requests], width: 8 }),
      new GraphWidget({
        title: 'API 4xx and 5xx (% of requests)',
        left: [pct('errors5xx', api.metricServerError({ period: PERIOD, statistic: 'Sum' }), '5xx %'), pct('errors4xx', api.metricClientError({ period: PERIOD, statistic: 'Sum' }), '4xx %')],
        width: 8,
      }),
      new GraphWidget({
        title: 'API latency (ms)',
        left: ['p50', 'p99'].map((statistic) => api.metricLatency({ period: PERIOD, statistic, label: `latency ${statistic}` })),
        right: [api.metricIntegrationLatency({ period: PERIOD, statistic: 'p99', label: 'integration p99' })],
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Lambda errors', left: fns.map(([name, fn]) => fn.metricErrors({ period: PERIOD, statistic: 'Sum', label: name })), width: 6 }),
      new GraphWidget({ title: 'Lambda throttles', left: fns.map(([name, fn]) => fn.metricThrottles({ period: PERIOD, statistic: 'Sum', label: name })), width: 6 }),
      new GraphWidget({ title: 'API Lambda Duration p99 (ms)', left: apiFns.map(([name, fn]) => fn.metricDuration({ period: PERIOD, statistic: 'p99', label: name })), width: 6 }),
      new GraphWidget({
        title: 'API Lambda ConcurrentExecutions (max)',
        left: apiFns.map(([name, fn]) => fn.metric('ConcurrentExecutions', { period: PERIOD, statistic: 'Maximum', label: name })),
        width: 6,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'DynamoDB capacity used',
        left: [props.table.metricConsumedReadCapacityUnits({ period: PERIOD, statistic: 'Sum', label: 'RCU' }), props.table.metricConsumedWriteCapacityUnits({ period: PERIOD, statistic: 'Sum', label: 'WCU' })],
        width: 8,
      }),
      new GraphWidget({ title: 'CloudFront requests and 5xx rate (%)', left: [cdn('Requests', 'Sum')], right: [cdn('5xxErrorRate', 'Average'), cdn('4xxErrorRate', 'Average')], width: 8 }),
      new GraphWidget({
        title: `Stale data: ${STALE_DATA_METRIC.name} (days)`,
        left: [new Metric({ namespace: STALE_DATA_METRIC.namespace, metricName: STALE_DATA_METRIC.name, dimensionsMap: { [STALE_DATA_METRIC.dimension]: Aws.STACK_NAME }, period: Duration.days(1), statistic: 'Maximum' })],
        width: 8,
      }),
    );
  }
}
