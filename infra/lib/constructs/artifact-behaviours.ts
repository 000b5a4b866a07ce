import { Annotations, Duration } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  CacheQueryStringBehavior,
  type Distribution,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
  S3OriginAccessControl,
  Signing,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { IMMUTABLE_CACHE_CONTROL } from '../../../functions/src/api/http-cache.js';

export interface ArtifactBehavioursProps {
  distribution: Distribution;
  /** The data bucket: artifacts live at `<prefix>/<version>/…` (functions/src/store/index-store.ts key functions). */
  bucket: IBucket;
  /** Key prefixes to publish (artifact-prefixes.ts); nothing else in the bucket becomes reachable. */
  prefixes: string[];
  /** The site's security headers, sent on the artifacts too. */
  securityHeaders: ResponseSecurityHeadersBehavior;
}

/**
 * Per-version artifacts (map geometry, crosswalks, priority geographies, sensitivity) straight from
 * the data bucket: `https://<cdn>/geometry/<version>/town.geojson` is the object `geometry/<version>/town.geojson`.
 * Keys carry the version id and versions never change, so the edge keeps them a year and browsers
 * get `immutable`; no Lambda, API Gateway or DynamoDB on the way. CloudFront reads them through
 * origin access control with a bucket-policy grant on exactly these prefixes (not `bucket/*`, which
 * is what S3BucketOrigin would add: staged sources and raw downloads stay private).
 */
export class ArtifactBehaviours extends Construct {
  constructor(scope: Construct, id: string, props: ArtifactBehavioursProps) {
    super(scope, id);
    const { bucket, distribution } = props;
    const oac = new S3OriginAccessControl(this, 'Access', { signing: Signing.SIGV4_ALWAYS, description: 'Equity Atlas: CloudFront reads published artifacts' });
    // Imported, so S3BucketOrigin cannot add its whole-bucket grant; the scoped grant is below.
    const readOnly = Bucket.fromBucketAttributes(this, 'DataBucket', { bucketArn: bucket.bucketArn, bucketName: bucket.bucketName, bucketRegionalDomainName: bucket.bucketRegionalDomainName });
    const origin = S3BucketOrigin.withOriginAccessControl(readOnly, { originAccessControl: oac });
    bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudFrontReadsPublishedArtifacts',
        principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: props.prefixes.map((p) => bucket.arnForObjects(`${p}/*`)),
        conditions: { StringEquals: { 'AWS:SourceArn': distribution.distributionArn } },
      }),
    );

    const cachePolicy = new CachePolicy(this, 'Cache', {
      comment: 'Equity Atlas artifacts: immutable per version, kept a year, no query string',
      defaultTtl: Duration.days(365),
      maxTtl: Duration.days(365),
      minTtl: Duration.seconds(0),
      queryStringBehavior: CacheQueryStringBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const responseHeadersPolicy = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Equity Atlas artifacts: security headers, immutable for browsers, readable cross-origin like the API',
      securityHeadersBehavior: props.securityHeaders,
      customHeadersBehavior: { customHeaders: [{ header: 'Cache-Control', value: IMMUTABLE_CACHE_CONTROL, override: false }] },
      corsBehavior: {
        accessControlAllowOrigins: ['*'],
        accessControlAllowMethods: ['GET', 'HEAD'],
        accessControlAllowHeaders: ['*'],
        accessControlAllowCredentials: false,
        originOverride: true,
      },
    });
    for (const prefix of props.prefixes) {
      distribution.addBehavior(`/${prefix}/*`, origin, {
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy,
        responseHeadersPolicy,
        compress: true,
      });
    }
    // The origin warns (on the distribution) that it could not grant itself the whole bucket: intended, see above.
    Annotations.of(distribution).acknowledgeWarning('@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac', 'The data bucket policy grants CloudFront s3:GetObject on the artifact prefixes only (ArtifactBehaviours).');
  }
}
