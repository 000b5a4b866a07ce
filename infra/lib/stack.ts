import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { acknowledge, objectWildcardId } from './acknowledge.js';
import { ARTIFACT_PREFIXES } from './artifact-prefixes.js';
import { INVESTMENT_PARTITIONS } from './investment-partitions.js';
import { PUBLIC_READ_PARTITIONS } from './public-partitions.js';
import { acknowledgeBucketDeployment } from './cdk-internals.js';
import { AccessLogs } from './constructs/access-logs.js';
import { OperationsAlarms } from './constructs/alarms.js';
import { AppFunction, REPO_ROOT } from './constructs/app-function.js';
import { DataFunctions } from './constructs/data-functions.js';
import { OperationsDashboard } from './constructs/dashboard.js';
import { GradualDeployment } from './constructs/gradual-deployment.js';
import { DataStore } from './constructs/data-store.js';
import { EquityApi } from './constructs/http-api.js';
import { CostBudget } from './constructs/budget.js';
import { EdgeFirewall } from './constructs/waf.js';
import { WebSite } from './constructs/web-site.js';
import { edgeOptions } from './edge-options.js';
import type { StageConfig } from './stage-config.js';

export interface EquityAtlasStackProps extends StackProps {
  stage: StageConfig;
  /** Built web app; the site deployment is skipped with a warning when it has no index.html. */
  webDistDir: string;
  alarmEmail?: string;
  /** An existing ops SNS topic for the alarms instead of the stack's own (`-c alarmTopicArn=…`). */
  alarmTopicArn?: string;
}

/**
 * Equity Atlas in one env-agnostic stack (synthesizes with no account or
 * context lookups): data → functions → API → web → alarms.
 */
export class EquityAtlasStack extends Stack {
  readonly data: DataStore;
  readonly apiFunction: AppFunction;
  readonly adminApiFunction: AppFunction;
  readonly jobs: DataFunctions;
  readonly api: EquityApi;
  readonly web: WebSite;
  readonly alarms: OperationsAlarms;

  constructor(scope: Construct, id: string, props: EquityAtlasStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const logs = { logRetention: stage.logRetention, logRemovalPolicy: stage.dataRemovalPolicy };

    const accessLogs = new AccessLogs(this, 'AccessLogs', { retain: stage.retainData, expiration: Duration.days(stage.retainData ? 365 : 30) });
    this.data = new DataStore(this, 'Data', { retain: stage.retainData, noncurrentVersionExpiration: stage.noncurrentVersionExpiration, accessLogs: accessLogs.bucket });
    const { table, bucket } = this.data;

    // The one Hono app, deployed twice with different roles: public routes run read-only; the routes behind
    // the JWT authorizer run with a role that may also write investment items (and nothing else).
    const apiFunction = (id: string, description: string, readPartitions: string[]) => {
      const f = new AppFunction(this, id, {
        entry: 'functions/src/api/lambda.ts',
        description,
        // 1 GB: JSON for 537 places and ~1 MB of geometry per request; memory also buys CPU (cold start).
        memorySize: 1024,
        timeout: Duration.seconds(15),
        // Where the API's time goes, per request (API Gateway HTTP APIs themselves have no X-Ray support).
        tracing: true,
        // apigateway-jwt: the app trusts the claims API Gateway's JWT authorizer verified (api/admin-auth.ts).
        environment: { TABLE_NAME: table.tableName, BLOB_BUCKET: bucket.bucketName, AUTH_MODE: 'apigateway-jwt' },
        // Rebuild with English-only zod: < 1 MB minified (NodejsFunction takes no esbuild plugins; see the script).
        afterBundling: (outputDir) => [`cd "${REPO_ROOT}" && npx --no-install tsx infra/scripts/bundle-api.ts "${outputDir}"`],
        ...logs,
      });
      // Reads, exactly what IndexReader and the investment store do: GetItem and Query, and only in the
      // partitions this function serves (leading-keys condition; public-partitions.ts).
      f.role.addToPolicy(
        new PolicyStatement({
          actions: ['dynamodb:GetItem', 'dynamodb:Query'],
          resources: [table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': readPartitions } },
        }),
      );
      f.role.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: ARTIFACT_PREFIXES.map((p) => bucket.arnForObjects(`${p}/*`)) }));
      return f;
    };
    this.apiFunction = apiFunction('ApiFunction', 'Equity Atlas API (Hono), public routes: read-only', PUBLIC_READ_PARTITIONS);
    // The admin routes also read audit trails and idempotency records (never the seed marker: the pipeline's).
    this.adminApiFunction = apiFunction('AdminApiFunction', 'Equity Atlas API (Hono), JWT-guarded routes: may write investments', [...PUBLIC_READ_PARTITIONS, ...INVESTMENT_PARTITIONS]);
    // Caps the public API's cost and its share of the account's concurrency (stage config; none in dev).
    (this.apiFunction.fn.node.defaultChild as CfnFunction).reservedConcurrentExecutions = stage.apiReservedConcurrency;
    // DynamoInvestmentStore writes with PutItem (alone or inside TransactWriteItems), only to the investment
    // partitions; the leading-keys condition makes every other item (indices, pointer, versions) unwritable.
    this.adminApiFunction.role.addToPolicy(
      new PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': INVESTMENT_PARTITIONS } },
      }),
    );

    // The schedule fires only once the sources are uploaded: `-c pipelineSchedule=on` (docs/deploy.md, First data load).
    const scheduleEnabled = this.node.tryGetContext('pipelineSchedule') === 'on';
    this.jobs = new DataFunctions(this, 'Jobs', { table, bucket, schedule: stage.pipelineSchedule, scheduleEnabled, ...logs });
    // The pipeline's stale-data metric (pipeline/staleness.ts) is per stack: the alarm watches this dimension.
    this.jobs.pipeline.fn.addEnvironment('METRICS_STACK', Aws.STACK_NAME);

    // API Gateway invokes each API function's "live" alias; in prod CodeDeploy moves it with a canary (gradual-deployment.ts).
    const canary = stage.name === 'prod';
    const liveApi = new GradualDeployment(this.apiFunction, 'Live', { fn: this.apiFunction.fn, canary });
    const liveAdminApi = new GradualDeployment(this.adminApiFunction, 'Live', { fn: this.adminApiFunction.fn, canary });
    this.api = new EquityApi(this, 'Api', {
      handler: liveApi.alias,
      writeHandler: liveAdminApi.alias,
      throttle: stage.throttle,
      logRetention: stage.logRetention,
      removalPolicy: stage.dataRemovalPolicy,
      retain: stage.retainData,
    });

    // Edge: custom domain, WAF and budget from -c context (edge-options.ts, docs/deploy.md "Abuse, cost and TLS").
    const edge = edgeOptions(this.node);
    const firewall = stage.waf || edge.webAclArn ? new EdgeFirewall(this, 'Firewall', { requestsPer5MinPerIp: stage.waf?.requestsPer5MinPerIp ?? 2000, webAclArn: edge.webAclArn }) : undefined;
    this.web = new WebSite(this, 'Web', { distDir: props.webDistDir, apiUrl: this.api.url, stage: stage.name, accessLogs: accessLogs.bucket, domain: edge.domain, webAclId: firewall?.webAclId,
      artifacts: { bucket, prefixes: ARTIFACT_PREFIXES },
    });
    // Cross-origin write methods only from the site's own origins (functions/src/api/cors-policy.ts).
    const siteOrigins = [this.web.distribution.distributionDomainName, ...(edge.domain?.names ?? [])].map((d) => `https://${d}`);
    for (const f of [this.apiFunction, this.adminApiFunction]) f.fn.addEnvironment('SITE_ORIGIN', siteOrigins.join(','));

    this.alarms = new OperationsAlarms(this, 'Alarms', {
      apiFunctions: { Api: this.apiFunction.fn, AdminApi: this.adminApiFunction.fn },
      jobFunctions: { Pipeline: this.jobs.pipeline.fn, Fetch: this.jobs.fetch.fn },
      table,
      api: this.api.api,
      distribution: this.web.distribution,
      staleData: { afterDays: stage.staleDataDays },
      email: props.alarmEmail,
      topicArn: props.alarmTopicArn,
    });
    // A canary also rolls back when the whole API answers 5xx (its own alias alarm watches the function).
    for (const live of [liveApi, liveAdminApi]) live.addRollbackAlarm(this.alarms.api5xxRate);
    new OperationsDashboard(this, 'Dashboard', {
      api: this.api.api,
      apiFunctions: { Api: this.apiFunction.fn, AdminApi: this.adminApiFunction.fn },
      jobFunctions: { Pipeline: this.jobs.pipeline.fn, Fetch: this.jobs.fetch.fn },
      table,
      distribution: this.web.distribution,
      alarms: this.alarms.alarms,
    });
    // A failed pipeline run (kept in the failure queue) notifies the same people as every other alarm.
    for (const add of ['addAlarmAction', 'addOkAction'] as const) this.jobs.pipelineFailedAlarm[add](new SnsAction(this.alarms.topic));
    new CostBudget(this, 'Budget', { monthlyUsd: edge.monthlyBudgetUsd ?? stage.monthlyBudgetUsd, email: props.alarmEmail, topic: this.alarms.topic });

    // Object-level grants are scoped to one key prefix of the data bucket each; cdk-nag flags any "*" in a resource.
    const prefixReason = (what: string) => `Objects under one fixed key prefix of the data bucket only: ${what}. Keys include version ids and source paths, known only at run time.`;
    acknowledge(
      [this.apiFunction.role, this.adminApiFunction.role],
      ARTIFACT_PREFIXES.map((p) => ({ id: objectWildcardId(bucket, `${p}/*`), reason: prefixReason(`${p}/* (read published artifacts of a version)`) })),
    );
    acknowledge(this.jobs.pipeline.role, [
      ...ARTIFACT_PREFIXES.map((p) => ({ id: objectWildcardId(bucket, `${p}/*`), reason: prefixReason(`${p}/* (write the artifacts of a new version)`) })),
      { id: objectWildcardId(bucket, 'sources/*'), reason: prefixReason('sources/* (read the staged inputs)') },
    ]);
    acknowledge(this.jobs.fetch.role, [
      { id: objectWildcardId(bucket, 'raw/*'), reason: prefixReason('raw/* (write official downloads)') },
      { id: objectWildcardId(bucket, 'fetch-reports/*'), reason: prefixReason('fetch-reports/* (write the checksum report)') },
    ]);
    acknowledge([this.apiFunction.fn, this.adminApiFunction.fn, this.jobs.pipeline.fn, this.jobs.fetch.fn], [
      { id: 'AwsSolutions-L1', reason: 'Node.js 22 is the runtime the code is built and tested for (esbuild target node22, STACK.md); moving to Node 24 is a deliberate upgrade, not a silent one.' },
    ]);
    acknowledgeBucketDeployment(this, this.web.bucket);

    const siteUrl = `https://${edge.domain?.names[0] ?? this.web.distribution.distributionDomainName}/`;
    new CfnOutput(this, 'WebUrl', { value: siteUrl, description: 'The map' });
    new CfnOutput(this, 'PublicApiUrl', { value: `${siteUrl}v1/`, description: 'The API for everyone (CloudFront: cache, WAF); append health' });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'API Gateway origin: for admin tokens (audit reads); not for public use (append v1/health)' });
    new CfnOutput(this, 'UserPoolId', { value: this.api.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.api.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'DataBucketName', { value: bucket.bucketName, description: 'Upload staged sources under sources/' });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'PipelineFunctionName', { value: this.jobs.pipeline.fn.functionName });
    new CfnOutput(this, 'FetchFunctionName', { value: this.jobs.fetch.fn.functionName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
  }
}
