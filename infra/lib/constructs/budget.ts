import { Stack } from 'aws-cdk-lib';
import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface CostBudgetProps {
  /** Monthly cost limit in USD (`-c monthlyBudgetUsd=…`, default per stage). */
  monthlyUsd: number;
  /** Gets every notification by e-mail (AWS Budgets sends it directly, no SNS subscription to confirm). */
  email?: string;
  /** The alarm topic: budget notifications reach whoever the alarms reach. */
  topic: ITopic;
}

/** Notify at 80 % of the month's actual cost and when the forecast passes 100 %. */
export const BUDGET_THRESHOLDS = [
  { notificationType: 'ACTUAL', threshold: 80 },
  { notificationType: 'FORECASTED', threshold: 100 },
] as const;

/**
 * An AWS Budgets cost budget for the account (Budgets is account-wide: a filter on
 * the `project` tag would first need that tag activated for cost allocation in the
 * Billing console, and would miss untagged charges such as WAF requests).
 */
export class CostBudget extends Construct {
  readonly budget: CfnBudget;

  constructor(scope: Construct, id: string, props: CostBudgetProps) {
    super(scope, id);
    if (!(props.monthlyUsd > 0)) throw new Error(`monthlyBudgetUsd: expected a positive number of US dollars, got ${props.monthlyUsd}`);
    // AWS Budgets publishes to the topic as a service; scoped to this account's budgets.
    props.topic.addToResourcePolicy(
      new PolicyStatement({
        actions: ['sns:Publish'],
        principals: [new ServicePrincipal('budgets.amazonaws.com')],
        resources: [props.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    const subscribers: CfnBudget.SubscriberProperty[] = [
      { subscriptionType: 'SNS', address: props.topic.topicArn },
      ...(props.email ? [{ subscriptionType: 'EMAIL', address: props.email }] : []),
    ];
    this.budget = new CfnBudget(this, 'Budget', {
      budget: { budgetType: 'COST', timeUnit: 'MONTHLY', budgetLimit: { amount: props.monthlyUsd, unit: 'USD' } },
      notificationsWithSubscribers: BUDGET_THRESHOLDS.map((t) => ({
        notification: { notificationType: t.notificationType, comparisonOperator: 'GREATER_THAN', threshold: t.threshold, thresholdType: 'PERCENTAGE' },
        subscribers,
      })),
    });
  }
}
