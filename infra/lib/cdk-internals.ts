import type { Stack } from 'aws-cdk-lib';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { acknowledge, objectWildcardId } from './acknowledge.js';

const WHY = "aws-cdk-lib's BucketDeployment provider (uploads web/dist and config.json at deploy time; its role and code are not configurable)";

/**
 * cdk-nag findings on the Lambda that aws-cdk-lib's BucketDeployment creates
 * (a singleton named Custom::CDKBucketDeployment…), each acknowledged with
 * its reason. Our own functions get no such allowance.
 */
export function acknowledgeBucketDeployment(stack: Stack, webBucket: IBucket): void {
  const providers = stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  acknowledge(providers, [
    { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: `${WHY} writes its own logs through the AWS managed basic execution policy.` },
    ...['s3:GetObject*', 's3:GetBucket*', 's3:List*'].map((action) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: `${WHY} reads the deployment zip from the CDK assets bucket (grantRead action group).`,
    })),
    ...['s3:DeleteObject*', 's3:Abort*'].map((action) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: `${WHY} replaces and prunes the site files in the web bucket (grantReadWrite action group).`,
    })),
    { id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]', reason: `${WHY} reads its source zip, whose key is only known at deploy time.` },
    { id: objectWildcardId(webBucket, '*'), reason: `${WHY} writes every file of the site into the web bucket, which holds nothing else.` },
    { id: 'AwsSolutions-L1', reason: `${WHY} runs the Python runtime aws-cdk-lib pins for it; it moves with aws-cdk-lib upgrades.` },
    { id: 'AwsSolutions-IAM5[Resource::*]', reason: `${WHY} creates the CloudFront invalidation after upload; aws-cdk-lib grants cloudfront:CreateInvalidation/GetInvalidation on *.` },
  ]);
}
