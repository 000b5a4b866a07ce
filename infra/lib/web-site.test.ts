import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../functions/src/api/security-headers.js';
import { contentSecurityPolicy, WebSite } from './constructs/web-site.js';
import { SPA_REWRITE_SOURCE } from './spa-rewrite.js';

describe('WebSite without a web build', () => {
  it('creates bucket and CDN, uploads nothing and warns how to fix it', () => {
    const stack = new Stack(new App(), 'NoBuild');
    const web = new WebSite(stack, 'Web', {
      distDir: '/nonexistent/web/dist',
      apiUrl: 'https://abc123.execute-api.us-east-1.amazonaws.com/',
      stage: 'dev',
      accessLogs: new Bucket(stack, 'Logs'),
    });
    expect(web.deployed).toBe(false);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::CloudFront::Distribution', 1);
    template.resourceCountIs('Custom::CDKBucketDeployment', 0);
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('No web build at /nonexistent/web/dist.*npm run build'));
    expect(warnings).toHaveLength(1);
  });
});

describe('SPA rewrite (CloudFront Function)', () => {
  // Evaluate the exact source CloudFront runs.
  const handler = new Function(`${SPA_REWRITE_SOURCE}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
  const rewrite = (uri: string) => handler({ request: { uri } }).uri;

  it('sends app routes to index.html and leaves files alone', () => {
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/town/2502507000')).toBe('/index.html');
    expect(rewrite('/report')).toBe('/index.html'); // the printable place report (issue 16)
    expect(rewrite('/assets/index-CT9R_mm0.js')).toBe('/assets/index-CT9R_mm0.js');
    expect(rewrite('/config.json')).toBe('/config.json');
  });
});

describe('contentSecurityPolicy', () => {
  it('allows only our origin plus the API for connections, and no framing', () => {
    const csp = contentSecurityPolicy('https://abc123.execute-api.us-east-1.amazonaws.com');
    expect(csp.split('; ')).toContain("connect-src 'self' https://abc123.execute-api.us-east-1.amazonaws.com");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-|blob:|\*/);
  });
});

describe('CloudFront and the local server send the same security headers', () => {
  it('builds the response-headers policy from the policy the API sends', () => {
    const stack = new Stack(new App(), 'Headers');
    new WebSite(stack, 'Web', { distDir: '/nonexistent/web/dist', apiUrl: 'https://abc123.execute-api.us-east-1.amazonaws.com/', stage: 'dev', accessLogs: new Bucket(stack, 'Logs') });
    const [policy] = Object.values(Template.fromStack(stack).findResources('AWS::CloudFront::ResponseHeadersPolicy')) as { Properties: { ResponseHeadersPolicyConfig: { SecurityHeadersConfig: Record<string, Record<string, unknown>> } } }[];
    const h = policy!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    // What CloudFront puts on the wire for that configuration.
    const sent = {
      'content-security-policy': h.ContentSecurityPolicy!.ContentSecurityPolicy,
      'strict-transport-security': `max-age=${h.StrictTransportSecurity!.AccessControlMaxAgeSec}${h.StrictTransportSecurity!.IncludeSubdomains ? '; includeSubDomains' : ''}`,
      'x-content-type-options': h.ContentTypeOptions ? 'nosniff' : null,
      'x-frame-options': h.FrameOptions!.FrameOption,
      'referrer-policy': h.ReferrerPolicy!.ReferrerPolicy,
    };
    expect(sent).toEqual(securityHeaders('https://abc123.execute-api.us-east-1.amazonaws.com'));
    for (const k of ['ContentSecurityPolicy', 'StrictTransportSecurity', 'ContentTypeOptions', 'FrameOptions', 'ReferrerPolicy']) expect(h[k]!.Override).toBe(true);
  });
});
