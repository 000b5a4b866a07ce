import { existsSync } from 'node:fs';
import path from 'node:path';
import { Annotations, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  FunctionCode,
  FunctionEventType,
  Function as CloudFrontFunction,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { contentSecurityPolicy, HSTS_MAX_AGE_SECONDS } from '../../../functions/src/api/security-headers.js';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { acknowledge } from '../acknowledge.js';
import { Construct } from 'constructs';
import { SPA_REWRITE_SOURCE } from '../spa-rewrite.js';

export interface WebSiteProps {
  /** Built web app (`npm run build` writes web/dist); skipped with a warning when missing. */
  distDir: string;
  /** API base URL (https://…/), written to config.json and allowed by the CSP. */
  apiUrl: string;
  stage: string;
  accessLogs: Bucket;
}

/** The policy lives with the API (functions/src/api/security-headers.ts): the local server sends the same. */
export { contentSecurityPolicy };

/**
 * The web app on a private S3 bucket behind CloudFront (origin access
 * control). `/v1/*` is forwarded to the HTTP API, so the app's same-origin
 * calls work unchanged; config.json tells the app the API's direct URL.
 */
export class WebSite extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;
  readonly deployed: boolean;

  constructor(scope: Construct, id: string, props: WebSiteProps) {
    super(scope, id);
    // The site is rebuilt from source on every deploy, so it never needs to outlive the stack.
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'web-bucket/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const apiDomain = Fn.select(2, Fn.split('/', props.apiUrl));
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Equity Atlas: CSP, HSTS, nosniff, frame options, referrer policy',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(`https://${apiDomain}`), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });

    // API responses: cache only as long as the API's own Cache-Control says (geometry: 5 min; others: not at all).
    const apiCache = new CachePolicy(this, 'ApiCache', {
      comment: 'Equity Atlas API: honour origin Cache-Control, key on the query string',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.days(1),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const spaRewrite = new CloudFrontFunction(this, 'SpaRewrite', {
      code: FunctionCode.fromInline(SPA_REWRITE_SOURCE),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for app routes (paths without a file extension)',
    });

    this.distribution = new Distribution(this, 'Cdn', {
      comment: `Equity Atlas web (${props.stage})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/v1/*': {
          origin: new HttpOrigin(apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          // Reads only through the CDN; writes go to the API URL from config.json with a bearer token.
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
          cachePolicy: apiCache,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // North America and Europe edges: the audience is in Massachusetts; the cheapest class.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/',
    });

    acknowledge(this.distribution, [
      { id: 'AwsSolutions-CFR1', reason: 'Public-health open data for anyone; no geographic restriction is wanted.' },
      { id: 'AwsSolutions-CFR2', reason: 'No WAF by default: read-only public data behind API Gateway throttling; a web ACL costs ≥ $5/month. Attach one via webAclId if abuse appears (docs/deploy.md).' },
      { id: 'AwsSolutions-CFR4', reason: 'The default *.cloudfront.net certificate is used, for which CloudFront fixes the TLS policy; a custom domain with an ACM certificate (TLSv1.2_2021) is a documented option.' },
    ]);

    this.deployed = existsSync(path.join(props.distDir, 'index.html'));
    if (!this.deployed) {
      Annotations.of(this).addWarningV2(
        'equity-atlas:web-dist-missing',
        `No web build at ${props.distDir}: the site bucket and CDN are created but nothing is uploaded. Run \`npm run build\` before \`npx cdk deploy\`.`,
      );
      return;
    }
    new BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources: [Source.asset(props.distDir), Source.jsonData('config.json', { apiUrl: props.apiUrl, stage: props.stage })],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
  }
}
