import { Duration, Size, type RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, type Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../acknowledge.js';
import { codeRevision } from '../../../functions/src/pipeline/code-revision.js';
import { codeProvenanceEnvironment } from '../../../functions/src/pipeline/code-provenance.js';
import { ARTIFACT_PREFIXES } from '../artifact-prefixes.js';
import { AppFunction } from './app-function.js';

export interface DataFunctionsProps {
  table: TableV2;
  bucket: Bucket;
  schedule: Schedule;
  /**
   * Whether the schedule fires. Off until the sources are uploaded (`-c pipelineSchedule=on` on the deploy
   * after the first upload), so no run ever starts against an empty bucket; a run that did would still
   * end cleanly with "no sources uploaded yet".
   */
  scheduleEnabled: boolean;
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
}

/**
 * The two data jobs. The pipeline recomputes a version from the staged
 * sources (`sources/` in the bucket) on a schedule and on demand; the fetch
 * job downloads the official files into `raw/` and reports their checksums.
 */
export class DataFunctions extends Construct {
  readonly pipeline: AppFunction;
  readonly fetch: AppFunction;
  readonly schedule: Rule;
  /** Failed pipeline invocations (the event and the error), kept 14 days. */
  readonly pipelineFailures: Queue;
  /** Fires while a failed run waits in pipelineFailures; the stack routes it to the ops topic. */
  readonly pipelineFailedAlarm: Alarm;

  constructor(scope: Construct, id: string, props: DataFunctionsProps) {
    super(scope, id);
    const { table, bucket } = props;

    this.pipeline = new AppFunction(this, 'Pipeline', {
      entry: 'functions/src/pipeline/lambda.ts',
      description: 'Equity Atlas pipeline: staged sources in S3 to indices to a new version in DynamoDB, published last',
      // 1,769 MB is one full vCPU; the pipeline parses ~12 MB of GeoJSON/CSV and computes in memory.
      memorySize: 1769,
      timeout: Duration.minutes(10),
      ephemeralStorage: Size.mebibytes(1024),
      // One run at a time: a manual run can never overlap a scheduled one (both would write a version, and the
      // loser's would stay half-written). A second async invocation waits in Lambda's queue (throttles are
      // retried up to maxEventAge), then finds the data unchanged and publishes nothing.
      reservedConcurrentExecutions: 1,
      // CODE_REVISION: a hash of the computing code being deployed (code-revision.ts), recorded in each version's
      // inputs; a run whose sources, method and revision match the current version publishes nothing (pipeline-job.ts).
      // GIT_COMMIT / GIT_DIRTY: the commit deployed, recorded in each version (code-provenance.ts); Lambda has no checkout.
      environment: { TABLE_NAME: table.tableName, DATA_BUCKET: bucket.bucketName, CODE_REVISION: codeRevision(), ...codeProvenanceEnvironment() },
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    // Exactly what DynamoIndexStore does when writing: GetItem (pointer, version), PutItem (begin),
    // BatchWriteItem (places), TransactWriteItems = PutItem + UpdateItem (publish); and when sweeping a
    // crashed run's version (pipeline/sweep-abandoned-versions.ts): Query (versions, its places),
    // UpdateItem (mark abandoned), BatchWriteItem (delete); and when retiring old versions (pipeline/version-retention.ts):
    // TransactWriteItems = ConditionCheckItem (pointer) + UpdateItem (mark retired), then the same deletes. No Scan, no DeleteItem.
    this.pipeline.role.addToPolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'],
        resources: [table.tableArn],
      }),
    );
    this.pipeline.role.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects('sources/*')] }));
    // DeleteObject: the sweep removes an abandoned version's artifacts (never a published one's: it only takes "writing" versions).
    this.pipeline.role.addToPolicy(new PolicyStatement({ actions: ['s3:PutObject', 's3:DeleteObject'], resources: ARTIFACT_PREFIXES.map((p) => bucket.arnForObjects(`${p}/*`)) }));

    // No Lambda retries either (its default is 2 for async invocations): a failed run is a data or code
    // problem, and a retry would only write another half-version. The failed event goes to a queue, with an alarm.
    this.pipelineFailures = new Queue(this, 'PipelineFailures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.pipelineFailures, [
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself the dead-letter destination of the pipeline function (failed async invocations); nothing consumes it automatically, so it needs no DLQ of its own.' },
    ]);
    this.pipeline.fn.configureAsyncInvoke({
      retryAttempts: 0,
      // Long enough to wait out a running pipeline (10 min timeout); older events are stale and go to the queue.
      maxEventAge: Duration.hours(1),
      onFailure: new SqsDestination(this.pipelineFailures),
    });
    this.pipelineFailedAlarm = new Alarm(this, 'PipelineFailedAlarm', {
      alarmDescription: 'Equity Atlas — pipeline: a failed run is waiting in the failure queue (read it, fix, purge)',
      metric: this.pipelineFailures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    this.schedule = new Rule(this, 'Schedule', {
      description: 'Recompute the Equity Atlas indices from the staged sources',
      schedule: props.schedule,
      enabled: props.scheduleEnabled,
      // No automatic retry: a failed run is a data or code problem; the error alarm reports it.
      targets: [new LambdaFunction(this.pipeline.fn, { retryAttempts: 0 })],
    });

    this.fetch = new AppFunction(this, 'Fetch', {
      entry: 'functions/src/sources/fetch-sources-lambda.ts',
      description: 'Equity Atlas data fetch: official downloads to raw/ in S3, sha256 report in fetch-reports/',
      memorySize: 512,
      timeout: Duration.minutes(15),
      // The national files (ZCTA shapes, PLACES CSV) are hundreds of MB; each is streamed to /tmp, then uploaded.
      ephemeralStorage: Size.gibibytes(4),
      environment: { DATA_BUCKET: bucket.bucketName },
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    this.fetch.role.addToPolicy(
      new PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects('raw/*'), bucket.arnForObjects('fetch-reports/*')] }),
    );
  }
}
