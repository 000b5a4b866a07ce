import { Stack, Validations, type CfnResource } from 'aws-cdk-lib';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';

export interface Finding {
  /** cdk-nag rule id, e.g. `AwsSolutions-S1`, or one finding of it, e.g. `AwsSolutions-IAM5[Resource::…]`. */
  id: string;
  /** Why the finding is accepted here; recorded in the validation report. */
  reason: string;
}

/**
 * Acknowledge cdk-nag findings on constructs (and their children), each with
 * its reason. cdk-nag 3 has no rule-wide IAM5 suppression: every wildcard is
 * acknowledged by its exact finding id, so a new wildcard still fails synth.
 */
export function acknowledge(scopes: IConstruct | IConstruct[], findings: Finding[]): void {
  for (const scope of Array.isArray(scopes) ? scopes : [scopes]) {
    for (const finding of findings) Validations.of(scope).acknowledge(finding);
  }
}

/** The IAM5 finding id cdk-nag reports for `bucket.arnForObjects(pattern)`, e.g. `…[Resource::<DataBucket1234.Arn>/geometry/*]`. */
export function objectWildcardId(bucket: IBucket, pattern: string): string {
  const stack = Stack.of(bucket);
  const logicalId = stack.resolve(stack.getLogicalId(bucket.node.defaultChild as CfnResource)) as string;
  return `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${pattern}]`;
}
