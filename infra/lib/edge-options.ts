import type { Node } from 'constructs';

/** Deploy-time choices about the public edge, from `cdk … -c key=value` (all optional). */
export interface EdgeOptions {
  /** Custom domain(s) for the site and its API (`https://<domain>/v1/`) with an ACM certificate in us-east-1. */
  domain?: { names: string[]; certificateArn: string };
  /** An existing CLOUDFRONT-scope web ACL to attach instead of creating one (needed outside us-east-1). */
  webAclArn?: string;
  /** Monthly AWS Budgets limit in USD; default per stage. */
  monthlyBudgetUsd?: number;
}

const ACM_US_EAST_1 = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/;
const HOST = /^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * Read and check the edge context: `domainName` (comma-separated for aliases) and
 * `certificateArn` go together; CloudFront takes certificates from us-east-1 only.
 */
export function edgeOptions(node: Node): EdgeOptions {
  const text = (key: string): string | undefined => {
    const v = node.tryGetContext(key) as unknown;
    if (v === undefined || v === null || v === '') return undefined;
    return String(v).trim();
  };
  const domainName = text('domainName');
  const certificateArn = text('certificateArn');
  const options: EdgeOptions = {};
  if (domainName || certificateArn) {
    if (!domainName || !certificateArn) throw new Error('domainName and certificateArn: give both (cdk -c domainName=atlas.example.org -c certificateArn=arn:aws:acm:us-east-1:…) or neither');
    const names = domainName.split(',').map((n) => n.trim().toLowerCase());
    for (const n of names) if (!HOST.test(n)) throw new Error(`domainName: "${n}" is not a host name`);
    if (!ACM_US_EAST_1.test(certificateArn)) throw new Error(`certificateArn: CloudFront needs an ACM certificate in us-east-1 (arn:aws:acm:us-east-1:<account>:certificate/<id>), got "${certificateArn}"`);
    options.domain = { names, certificateArn };
  }
  const webAclArn = text('webAclArn');
  if (webAclArn) options.webAclArn = webAclArn;
  const budget = text('monthlyBudgetUsd');
  if (budget !== undefined) {
    const usd = Number(budget);
    if (!Number.isFinite(usd) || usd <= 0) throw new Error(`monthlyBudgetUsd: expected a positive number of US dollars, got "${budget}"`);
    options.monthlyBudgetUsd = usd;
  }
  return options;
}
