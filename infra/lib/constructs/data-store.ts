import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_KEYS } from '../../../functions/src/store/table-schema.js';

export interface DataStoreProps {
  /** Prod: deletion protection and RETAIN on the table and data bucket. */
  retain: boolean;
  noncurrentVersionExpiration: Duration;
  /** Bucket that receives S3 server access logs. */
  accessLogs: Bucket;
}

/**
 * The single DynamoDB table (docs/storage.md) and the data bucket: staged
 * sources (`sources/`), raw official downloads (`raw/`), fetch reports
 * (`fetch-reports/`) and the artifacts each version publishes (`geometry/`, `crosswalk/`).
 */
export class DataStore extends Construct {
  readonly table: TableV2;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: DataStoreProps) {
    super(scope, id);
    const removalPolicy = props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.table = new TableV2(this, 'Table', {
      // Key names come from the store's own schema so they cannot drift from the code.
      partitionKey: { name: TABLE_KEYS.partition, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sort, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // AWS managed KMS key: encryption visible in the template, no key to administer, no KMS grants on the roles.
      encryption: TableEncryptionV2.awsManagedKey(),
      // Idempotency records of investment writes carry expiresAt (epoch seconds); DynamoDB deletes them after it
      // (functions/src/store/dynamo-investment-store.ts; the store also ignores expired ones until then).
      timeToLiveAttribute: 'expiresAt',
      deletionProtection: props.retain,
      removalPolicy,
    });

    this.bucket = new Bucket(this, 'Data', {
      versioned: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'data-bucket/',
      lifecycleRules: [{ noncurrentVersionExpiration: props.noncurrentVersionExpiration, abortIncompleteMultipartUploadAfter: Duration.days(7) }],
      removalPolicy,
      // Dev stacks tear down in one command; prod keeps the bucket (RETAIN) and never empties it.
      autoDeleteObjects: !props.retain,
    });
  }
}
