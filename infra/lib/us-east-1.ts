import { Aws, CfnCondition, Fn, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * One stack-wide CloudFormation condition "this stack is deployed in us-east-1", for what CloudFront
 * keeps in that region only: the CLOUDFRONT-scope WAF web ACL (constructs/waf.ts) and CloudFront's
 * metrics, hence its alarm (constructs/alarms.ts). The stack is environment-agnostic, so synth cannot
 * know the region; CloudFormation decides at deploy time.
 */
export function inUsEast1(scope: IConstruct): CfnCondition {
  const stack = Stack.of(scope);
  return (stack.node.tryFindChild('InUsEast1') as CfnCondition | undefined) ?? new CfnCondition(stack, 'InUsEast1', { expression: Fn.conditionEquals(Aws.REGION, 'us-east-1') });
}
