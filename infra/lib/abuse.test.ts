import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_THRESHOLDS } from './constructs/budget.js';
import { MANAGED_RULE_GROUPS } from './constructs/waf.js';
import { synthEdge } from './edge-synth-for-test.js';
import { stageConfig } from './stage-config.js';

type Json = Record<string, any>;
const ofType = (template: Json, type: string) => Object.entries(template.Resources as Json).filter(([, r]) => (r as Json).Type === type) as [string, Json][];
const distributionConfig = (template: Json) => ofType(template, 'AWS::CloudFront::Distribution')[0]![1].Properties.DistributionConfig;

describe('abuse and cost limits in prod (issue 17, item 5)', () => {
  let prod: ReturnType<typeof synthEdge>;
  let t: Json;
  beforeAll(() => {
    prod = synthEdge('prod');
    t = prod.template.toJSON();
  }, 120_000);

  it('puts AWS WAF on CloudFront: a per-IP rate-based rule answering 429 and the AWS managed common rules', () => {
    const [aclId, acl] = ofType(t, 'AWS::WAFv2::WebACL')[0]!;
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    // CloudFormation's pattern for the description: a "*" or "(" here fails the deploy (cdk synth only warns).
    expect(acl.Properties.Description).toMatch(/^[a-zA-Z0-9=:#@/\-,.][a-zA-Z0-9+=:#@/\-,.\s]+[a-zA-Z0-9+=:#@/\-,.]{1,256}$/);
    const rules = acl.Properties.Rules as Json[];
    const rate = rules.find((r) => r.Statement.RateBasedStatement)!;
    expect(rate.Statement.RateBasedStatement).toEqual({ AggregateKeyType: 'IP', Limit: stageConfig('prod').waf!.requestsPer5MinPerIp, EvaluationWindowSec: 300 });
    expect(rate.Action.Block.CustomResponse.ResponseCode).toBe(429);
    const managed = rules.filter((r) => r.Statement.ManagedRuleGroupStatement).map((r) => r.Statement.ManagedRuleGroupStatement);
    expect(managed).toEqual(MANAGED_RULE_GROUPS.map((Name) => ({ VendorName: 'AWS', Name })));
    expect(managed.map((m) => m.Name)).toContain('AWSManagedRulesCommonRuleSet');
    // CLOUDFRONT-scope web ACLs exist only in us-east-1: created under that condition, attached through it.
    expect(t.Conditions[acl.Condition]).toEqual({ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] });
    expect(distributionConfig(t).WebACLId).toEqual({ 'Fn::If': [acl.Condition, { 'Fn::GetAtt': [aclId, 'Arn'] }, { Ref: 'AWS::NoValue' }] });
  });

  it('caps the public API function concurrency (and only it)', () => {
    const fns = ofType(t, 'AWS::Lambda::Function').map(([id, f]) => [id.replace(/[0-9A-F]{8}$/, ''), f.Properties.ReservedConcurrentExecutions] as const);
    const api = fns.find(([id]) => id === 'ApiFunction');
    expect(api?.[1]).toBe(stageConfig('prod').apiReservedConcurrency);
    expect(api?.[1]).toBeGreaterThan(0);
    expect(fns.find(([id]) => id === 'AdminApiFunction')?.[1]).toBeUndefined();
  });

  it('raises an AWS Budgets alarm to the alarm e-mail and topic', () => {
    const [, budget] = ofType(t, 'AWS::Budgets::Budget')[0]!;
    expect(budget.Properties.Budget).toMatchObject({ BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: stageConfig('prod').monthlyBudgetUsd, Unit: 'USD' } });
    const notes = budget.Properties.NotificationsWithSubscribers as Json[];
    expect(notes.map((n) => [n.Notification.NotificationType, n.Notification.Threshold])).toEqual(BUDGET_THRESHOLDS.map((b) => [b.notificationType, b.threshold]));
    const topic = ofType(t, 'AWS::SNS::Topic').find(([id]) => id.startsWith('AlarmsTopic'))?.[0];
    for (const n of notes) {
      expect(n.Subscribers).toContainEqual({ SubscriptionType: 'EMAIL', Address: 'ops@example.org' });
      if (topic) expect(n.Subscribers).toContainEqual({ SubscriptionType: 'SNS', Address: { Ref: topic } });
    }
    if (topic) {
      const statements = ofType(t, 'AWS::SNS::TopicPolicy').flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
      expect(statements).toContainEqual(expect.objectContaining({ Action: 'sns:Publish', Principal: { Service: 'budgets.amazonaws.com' } }));
    }
  });

  it('takes the budget amount from -c monthlyBudgetUsd and refuses nonsense', () => {
    const [, budget] = ofType(synthEdge('prod', { monthlyBudgetUsd: '75' }).template.toJSON(), 'AWS::Budgets::Budget')[0]!;
    expect(budget.Properties.Budget.BudgetLimit.Amount).toBe(75);
    expect(() => synthEdge('prod', { monthlyBudgetUsd: 'lots' })).toThrow(/monthlyBudgetUsd/);
  }, 120_000);

  it('makes the CDN the one public API base: every method under /v1/*, output PublicApiUrl', () => {
    const v1 = (distributionConfig(t).CacheBehaviors as Json[]).find((b) => b.PathPattern === '/v1/*')!;
    expect(v1.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']));
    expect(v1.CachedMethods ?? ['GET', 'HEAD']).toEqual(['GET', 'HEAD']); // CloudFront's default: writes pass through uncached
    expect(JSON.stringify(prod.template.findOutputs('PublicApiUrl'))).toMatch(/DomainName.*\/v1\//);
  });

  it('stays cdk-nag clean with the WAF attached (CFR2 needs no acknowledgement)', () => {
    expect(prod.openFindings).toEqual([]);
    expect(prod.synthError).toBeNull();
  });
});

describe('WAF choices outside us-east-1 and in dev', () => {
  it('attaches an existing web ACL from -c webAclArn instead of creating one', () => {
    const arn = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/equity-atlas/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
    const t = synthEdge('prod', { webAclArn: arn }).template.toJSON();
    expect(ofType(t, 'AWS::WAFv2::WebACL')).toHaveLength(0);
    expect(distributionConfig(t).WebACLId).toBe(arn);
    expect(() => synthEdge('prod', { webAclArn: 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/x/y' })).toThrow(/CLOUDFRONT-scope/);
  }, 120_000);

  it('refuses a stack pinned outside us-east-1 without webAclArn, rather than deploying prod without WAF', () => {
    expect(() => synthEdge('prod', {}, { region: 'eu-west-1' })).toThrow(/us-east-1.*webAclArn/);
  });

  it('has no web ACL, budget-sized, in dev', () => {
    const t = synthEdge('dev').template.toJSON();
    expect(ofType(t, 'AWS::WAFv2::WebACL')).toHaveLength(0);
    expect(distributionConfig(t).WebACLId).toBeUndefined();
    expect(ofType(t, 'AWS::Budgets::Budget')[0]![1].Properties.Budget.BudgetLimit.Amount).toBe(stageConfig('dev').monthlyBudgetUsd);
  }, 120_000);
});
