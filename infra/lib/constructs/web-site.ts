import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
  type ResponseSecurityHeadersBehavior,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { contentSecurityPolicy, HSTS_MAX_AGE_SECONDS } from '../../../functions/src/api/security-headers.js';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { acknowledge } from '../acknowledge.js';
import { ArtifactBehaviours } from './artifact-behaviours.js';
import { Construct } from 'constructs';
import { SPA_REWRITE_SOURCE } from '../spa-rewrite.js';

export interface WebSiteProps {
  /** Built web app (`npm run build` writes web/dist); skipped with a warning when missing. */
  distDir: string;
  /** API base URL (https://…/), written to config.json and allowed by the CSP. */
  apiUrl: string;
  stage: string;
  accessLogs: Bucket;
  /** Custom domain(s) with an ACM certificate (us-east-1); without it, the *.cloudfront.net name and certificate. */
  domain?: { names: string[]; certificateArn: string };
  /** WAF web ACL (CLOUDFRONT scope) to attach: its ARN, or a token that may resolve to none (constructs/waf.ts). */
  webAclId?: string;
  /** Per-version artifacts served straight from the data bucket at `/<prefix>/<version>/…` (artifact-behaviours.ts). */
  artifacts?: { bucket: IBucket; prefixes: string[] };
}

/** Viewer-request function of `/v1/*`: Accept → `?format=`, so the format is in the cache key. */
export const ACCEPT_TO_FORMAT_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'cloudfront', 'accept-to-format.js');
/** Longest time CloudFront keeps an API answer: pinned-version answers are immutable (max-age one year). */
export const API_MAX_TTL = Duration.days(365);

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
    const securityHeaders: ResponseSecurityHeadersBehavior = {
      contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(`https://${apiDomain}`), override: true },
      strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
    };
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Equity Atlas: CSP, HSTS, nosniff, frame options, referrer policy',
      securityHeadersBehavior: securityHeaders,
    });

    // API responses: cache only as long as the API's own Cache-Control says (current version: 60 s plus
    // stale-while-revalidate / stale-if-error; pinned versions: a year; live data: not at all).
    // The whole query string is the key (it includes `format`, which accept-to-format.js fills in from Accept):
    // an allow-list would have to name every parameter of every route (20 in the OpenAPI document), beyond CloudFront's 10 per policy.
    const apiCache = new CachePolicy(this, 'ApiCache', {
      comment: 'Equity Atlas API: honour origin Cache-Control, key on the query string (format from Accept)',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: API_MAX_TTL,
      queryStringBehavior: CacheQueryStringBehavior.all(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const spaRewrite = new CloudFrontFunction(this, 'SpaRewrite', {
      code: FunctionCode.fromInline(SPA_REWRITE_SOURCE),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for app routes (paths without a file extension)',
    });
    const acceptToFormat = new CloudFrontFunction(this, 'AcceptToFormat', {
      code: FunctionCode.fromFile({ filePath: ACCEPT_TO_FORMAT_FILE }),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'API: write the format Accept selects into ?format= (part of the cache key)',
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
          // Every method, so the CDN (with its WAF) is the one public API base, POST /v1/indices/custom included;
          // only GET/HEAD are cached. API Gateway still demands the JWT on writes (CloudFront forwards
          // Authorization on POST/PUT/PATCH/DELETE; on GET it does not, so admin audit reads use the API URL).
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: apiCache,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
          functionAssociations: [{ function: acceptToFormat, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // North America and Europe edges: the audience is in Massachusetts; the cheapest class.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/',
      webAclId: props.webAclId,
      ...(props.domain && {
        domainNames: props.domain.names,
        certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      }),
    });

    if (props.artifacts) new ArtifactBehaviours(this, 'Artifacts', { distribution: this.distribution, ...props.artifacts, securityHeaders });

    acknowledge(this.distribution, [
      { id: 'AwsSolutions-CFR1', reason: 'Public-health open data for anyone; no geographic restriction is wanted.' },
    ]);
    if (!props.webAclId) {
      acknowledge(this.distribution, [
        { id: 'AwsSolutions-CFR2', reason: 'No WAF on this stage (stage config: only prod gets the web ACL, ≈ $9/month): read-only public data behind API Gateway throttling (docs/deploy.md).' },
      ]);
    }
    if (!props.domain) {
      acknowledge(this.distribution, [
        { id: 'AwsSolutions-CFR4', reason: 'No custom domain configured yet: the default *.cloudfront.net certificate is used, and with it CloudFront still accepts TLS 1.0 from viewers. Deploy with -c domainName=… -c certificateArn=… to pin TLSv1.2_2021 (docs/deploy.md).' },
      ]);
    }

    this.deployed = existsSync(path.join(props.distDir, 'index.html'));
    if (!this.deployed) {
      Annotations.of(this).addWarningV2(
        'equity-atlas:web-dist-missing',
        `No web build at ${props.distDir}: the site bucket and CDN are created but nothing is uploaded. Run \`npm run build\` before \`npx cdk deploy\`.`,
      );
      return;
    }
    // Two uploads, so each file gets the right Cache-Control. Vite names everything under assets/ by its content
    // hash, so those never change: cached for a year without revalidation. index.html and config.json change with
    // every deploy: no-cache (browsers and CloudFront revalidate, 304 when unchanged). prune: false on both, so the
    // assets an index.html still cached somewhere refers to stay (old hashed files are small and never collide).
    const assetsDir = path.join(props.distDir, 'assets');
    const assets = existsSync(assetsDir) && new BucketDeployment(this, 'DeployAssets', {
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'assets/',
      sources: [Source.asset(assetsDir)],
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
      memoryLimit: 512,
    });
    const pages = new BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources: [Source.asset(props.distDir, { exclude: ['assets', 'assets/**'] }), Source.jsonData('config.json', { apiUrl: props.apiUrl, stage: props.stage })],
      cacheControl: [CacheControl.noCache()],
      prune: false,
      // Only these names are reused across deploys; hashed assets never need invalidating.
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    // A new index.html goes live only once every asset it names is in the bucket.
    if (assets) pages.node.addDependency(assets);
  }
}
