import { Aws, Fn, Stack, Token } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { inUsEast1 } from '../us-east-1.js';

export interface EdgeFirewallProps {
  /** Requests one IP may make in any 5 minutes (all paths, cache hits included) before it is answered 429. */
  requestsPer5MinPerIp: number;
  /** An existing CLOUDFRONT-scope web ACL (made in us-east-1, e.g. by another stack): used instead of creating one. */
  webAclArn?: string;
}

/** AWS managed rule groups (no subscription fee; each counts as one WAF rule): generic exploits, known bad inputs, IPs AWS sees attacking. */
export const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList'] as const;

/**
 * AWS WAF for the CloudFront distribution: a per-IP rate-based rule (429) and
 * AWS managed rule groups. A CLOUDFRONT-scope web ACL can only be created in
 * us-east-1, and this stack is environment-agnostic (synth knows no region), so
 * the web ACL carries a CloudFormation condition: created when the stack is
 * deployed in us-east-1, absent elsewhere (then pass `webAclArn`, docs/deploy.md).
 * `webAclId` is what the distribution attaches: the ARN, or AWS::NoValue.
 */
export class EdgeFirewall extends Construct {
  readonly webAclId: string;
  /** The web ACL this construct creates, if any (none when `webAclArn` is given or the region is known and not us-east-1). */
  readonly webAcl?: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeFirewallProps) {
    super(scope, id);
    if (props.webAclArn) {
      if (!/^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\//.test(props.webAclArn)) {
        throw new Error(`webAclArn: expected a CLOUDFRONT-scope web ACL ARN (arn:aws:wafv2:us-east-1:<account>:global/webacl/…), got "${props.webAclArn}"`);
      }
      this.webAclId = props.webAclArn;
      return;
    }
    const region = Stack.of(this).region;
    if (!Token.isUnresolved(region) && region !== 'us-east-1') {
      throw new Error(`A CloudFront web ACL can only be created in us-east-1, but this stack is in ${region}: create one there and pass -c webAclArn=…`);
    }

    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({ cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      // CloudFormation allows only letters, digits, spaces and =:#@/-,. in the description.
      description: 'Equity Atlas: per-IP rate limit and AWS managed rules in front of the site and its API',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('EquityAtlasEdge'),
      customResponseBodies: {
        TooManyRequests: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({ type: '/problems/too-many-requests', title: 'Too many requests', status: 429, detail: 'This address sent too many requests in the last 5 minutes; wait and retry.' }),
        },
      },
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          statement: { rateBasedStatement: { aggregateKeyType: 'IP', limit: props.requestsPer5MinPerIp, evaluationWindowSec: 300 } },
          action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'TooManyRequests', responseHeaders: [{ name: 'retry-after', value: '300' }] } } },
          visibilityConfig: visibility('RateLimitPerIp'),
        },
        ...MANAGED_RULE_GROUPS.map((name, i) => ({
          name,
          priority: i + 1,
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
          overrideAction: { none: {} },
          visibilityConfig: visibility(name),
        })),
      ],
    });
    if (Token.isUnresolved(region)) {
      // Shared with the CloudFront alarm (us-east-1.ts): one condition, not two equal ones.
      const condition = inUsEast1(this);
      this.webAcl.cfnOptions.condition = condition;
      this.webAclId = Fn.conditionIf(condition.logicalId, this.webAcl.attrArn, Aws.NO_VALUE).toString();
    } else {
      this.webAclId = this.webAcl.attrArn;
    }
  }
}
