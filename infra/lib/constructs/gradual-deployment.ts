import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IAlarm, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { LambdaDeploymentConfig, LambdaDeploymentGroup } from 'aws-cdk-lib/aws-codedeploy';
import { Alias, type Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledge } from '../acknowledge.js';

export interface GradualDeploymentProps {
  fn: LambdaFunction;
  /** Shift traffic to a new version with CodeDeploy (10 % for 5 minutes, then all); otherwise all at once. */
  canary: boolean;
}

const MINUTE = Duration.minutes(1);

/**
 * The "live" alias API Gateway calls (never $LATEST). With `canary`, CodeDeploy
 * moves the alias to a new version gradually — 10 % of requests for 5 minutes,
 * then all — and rolls back when the new version's own error rate alarms, or
 * any alarm added with addRollbackAlarm (the API's 5xx rate), fires.
 */
export class GradualDeployment extends Construct {
  readonly alias: Alias;
  readonly deploymentGroup?: LambdaDeploymentGroup;

  constructor(scope: Construct, id: string, props: GradualDeploymentProps) {
    super(scope, id);
    this.alias = new Alias(this, 'Alias', { aliasName: 'live', version: props.fn.currentVersion, description: 'What API Gateway invokes; moved by CodeDeploy in prod' });
    if (!props.canary) return;

    // Errors through the alias (both versions during a canary: a new version failing half of its 10 % share makes
    // ≈ 5 %), per minute, so the 5-minute canary can see them.
    const errorRate = new MathExpression({
      expression: 'IF(invocations >= 1, 100 * errors / invocations, 0)',
      usingMetrics: { errors: this.alias.metricErrors({ period: MINUTE, statistic: 'Sum' }), invocations: this.alias.metricInvocations({ period: MINUTE, statistic: 'Sum' }) },
      period: MINUTE,
      label: 'live alias error rate (%)',
    });
    // No notification: it is a rollback trigger; a rollback itself shows in CodeDeploy and the stack events.
    const canaryErrors = new Alarm(this, 'CanaryErrors', {
      alarmDescription: 'Equity Atlas — API deployment: ≥ 5 % of the live alias invocations failed in 2 of 3 minutes (CodeDeploy rolls back)',
      metric: errorRate,
      threshold: 5,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.deploymentGroup = new LambdaDeploymentGroup(this, 'Deployment', {
      alias: this.alias,
      deploymentConfig: LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
      alarms: [canaryErrors],
      autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
    });
    acknowledge(this.deploymentGroup, [
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]',
        reason: "aws-cdk-lib's LambdaDeploymentGroup gives CodeDeploy's service role the AWS managed AWSCodeDeployRoleForLambdaLimited policy: it may only read the alarms, update aliases and invoke hooks named CodeDeployHook_*, which is what a canary deployment needs.",
      },
    ]);
  }

  /** Another alarm that stops and rolls back a deployment (e.g. the API's 5xx rate). */
  addRollbackAlarm(alarm: IAlarm): void {
    this.deploymentGroup?.addAlarm(alarm);
  }
}
