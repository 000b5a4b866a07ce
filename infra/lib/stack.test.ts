import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_KEYS } from '../../functions/src/store/table-schema.js';
import { REPO_ROOT } from './constructs/app-function.js';
import { ADMIN_READ_PATHS, PUBLIC_COMPUTE_PATHS, WRITE_METHODS, WRITE_PATHS } from './constructs/http-api.js';
import { INVESTMENT_PARTITIONS } from './investment-partitions.js';
import * as indexStore from '../../functions/src/store/index-store.js';
import { ARTIFACT_PREFIXES } from './artifact-prefixes.js';
import { synthStack, type Json, type Synthesized } from './synth-for-test.js';
import { SWAGGER_UI_FILES } from '../../functions/src/api/docs-page.js';
import { DOWNLOAD_FORMAT_PACKAGES } from '../../functions/src/api/download-formats/packages.js';

// One synthesis for the whole file (esbuild bundling of three functions is the slow part).
let s: Synthesized;
beforeAll(() => {
  s = synthStack({ stage: 'dev', bundle: true, alarmEmail: 'ops@example.org' });
}, 120_000);

/** Render a CloudFormation value as a readable string: {Fn::GetAtt:[X,Arn]} → <X.Arn>, joins concatenated. */
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Json;
  if (v['Fn::GetAtt']) return `<${v['Fn::GetAtt'][0]}.${v['Fn::GetAtt'][1]}>`;
  if (v['Ref']) return `<${v['Ref']}>`;
  if (v['Fn::Sub']) return String(v['Fn::Sub']);
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(render).join(v['Fn::Join'][0]);
  return JSON.stringify(value);
}
const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

interface Grant {
  policy: string;
  actions: string[];
  resources: string[];
}
function grants(): Grant[] {
  return s.resources('AWS::IAM::Policy').flatMap(([policy, r]) =>
    (r.Properties.PolicyDocument.Statement as Json[]).map((st) => ({ policy, actions: list(st.Action), resources: list(st.Resource).map(render) })),
  );
}
const grantsOf = (policyPrefix: string) => grants().filter((g) => g.policy.startsWith(policyPrefix));
const logicalId = (type: string, prefix: string) => s.resources(type).find(([id]) => id.startsWith(prefix))![0];

/**
 * Every wildcard in IAM, with its reason. Anything else with "*" fails the test.
 * Our functions: object keys under one prefix of the data bucket (keys carry run-time version ids and paths).
 * aws-cdk-lib's BucketDeployment provider: its action groups, the CDK assets bucket, the web bucket and
 * CloudFront invalidation on "*" (set by aws-cdk-lib, not configurable).
 */
const OWN_OBJECT_PREFIXES = [...ARTIFACT_PREFIXES, 'sources', 'raw', 'fetch-reports'];
const CDK_DEPLOYMENT_POLICY = 'CustomCDKBucketDeployment';

describe('least privilege (IAM)', () => {
  it('has no wildcard action or resource except the reviewed ones', () => {
    const data = logicalId('AWS::S3::Bucket', 'Data');
    const unexplained = grants().flatMap((g) => {
      const fromCdkDeployment = g.policy.startsWith(CDK_DEPLOYMENT_POLICY);
      const badActions = g.actions.filter((a) => a.includes('*') && !fromCdkDeployment);
      // X-Ray's write actions support no resource-level permissions (app-function.ts).
      const xrayOnly = g.actions.every((a) => a.startsWith('xray:'));
      const badResources = g.resources.filter((r) => {
        if (!r.includes('*')) return false;
        if (OWN_OBJECT_PREFIXES.some((p) => r === `<${data}.Arn>/${p}/*`)) return false;
        if (xrayOnly && r === '*') return false;
        return !fromCdkDeployment;
      });
      return [...badActions, ...badResources].map((x) => `${g.policy}: ${x}`);
    });
    expect(unexplained).toEqual([]);
  });

  it('grants the API read and the pipeline write on the prefix of every artifact key the store defines', () => {
    const keyFunctions = Object.entries(indexStore).filter(([name, f]) => name.endsWith('Key') && typeof f === 'function') as [string, (...a: string[]) => string][];
    expect(keyFunctions.map(([name]) => name)).toEqual(expect.arrayContaining(['crosswalkKey', 'geometryKey']));
    const data = logicalId('AWS::S3::Bucket', 'Data');
    const apiRead = grantsOf('ApiFunctionRole').find((g) => g.actions.includes('s3:GetObject'))!.resources;
    const pipelineWrite = grantsOf('JobsPipelineRole').find((g) => g.actions.includes('s3:PutObject'))!.resources;
    for (const [name, key] of keyFunctions) {
      const granted = `<${data}.Arn>/${key('v', 'town').split('/')[0]}/*`;
      expect(apiRead, name).toContain(granted);
      expect(pipelineWrite, name).toContain(granted);
    }
  });

  it('gives the API function read-only table access and read on the artifact prefixes only', () => {
    const api = grantsOf('ApiFunctionRole');
    const table = logicalId('AWS::DynamoDB::GlobalTable', 'DataTable');
    expect(api.map((g) => [g.actions, g.resources])).toEqual([
      [['logs:CreateLogStream', 'logs:PutLogEvents'], [`<${logicalId('AWS::Logs::LogGroup', 'ApiFunctionLogs')}.Arn>`]],
      // X-Ray tracing (monitoring.test.ts): these actions take no resource.
      [['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], ['*']],
      // Only the partitions it serves (identity.test.ts).
      [['dynamodb:GetItem', 'dynamodb:Query'], [`<${table}.Arn>`]],
      [['s3:GetObject'], ARTIFACT_PREFIXES.map((p) => `<${logicalId('AWS::S3::Bucket', 'Data')}.Arn>/${p}/*`)],
    ]);
  });

  it('gives the pipeline the writes it needs (no Scan, no DeleteItem), S3 read on sources/* and write (and the sweep’s delete) on the artifact prefixes', () => {
    const pipeline = grantsOf('JobsPipelineRole');
    const dynamo = pipeline.find((g) => g.actions.some((a) => a.startsWith('dynamodb:')))!;
    expect(dynamo.actions.sort()).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    const data = logicalId('AWS::S3::Bucket', 'Data');
    const s3 = pipeline.filter((g) => g.actions.some((a) => a.startsWith('s3:'))).map((g) => `${g.actions.join(',')} ${g.resources.join(',')}`);
    expect(s3.sort()).toEqual([`s3:GetObject <${data}.Arn>/sources/*`, `s3:PutObject,s3:DeleteObject ${ARTIFACT_PREFIXES.map((p) => `<${data}.Arn>/${p}/*`).join(',')}`]);
  });

  it('lets the JWT-guarded API write only investment partitions (PutItem with a leading-keys condition)', () => {
    const statements = s.resources('AWS::IAM::Policy')
      .filter(([id]) => id.startsWith('AdminApiFunctionRole'))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
    const writes = statements.filter((st) => list(st.Action).some((a: string) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a)));
    expect(writes).toEqual([
      expect.objectContaining({
        Action: 'dynamodb:PutItem',
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['INVESTMENTS', 'AUDIT#INVESTMENT#*', 'IDEMPOTENCY#*'] } },
      }),
    ]);
    expect(INVESTMENT_PARTITIONS).toEqual(['INVESTMENTS', 'AUDIT#INVESTMENT#*', 'IDEMPOTENCY#*']);
    // The public API function has no write action at all.
    expect(grantsOf('ApiFunctionRole').flatMap((g) => g.actions).filter((a) => /^(dynamodb|s3):.*(Put|Update|Delete|Write)/.test(a))).toEqual([]);
  });

  it('lets the fetch function only write raw/* and fetch-reports/* (no table access)', () => {
    const fetch = grantsOf('JobsFetchRole');
    expect(fetch.flatMap((g) => g.actions)).not.toContain('dynamodb:GetItem');
    const data = logicalId('AWS::S3::Bucket', 'Data');
    expect(fetch.find((g) => g.actions.includes('s3:PutObject'))!.resources).toEqual([`<${data}.Arn>/raw/*`, `<${data}.Arn>/fetch-reports/*`]);
  });

  it('attaches no AWS managed policy to our own roles', () => {
    const ours = s.resources('AWS::IAM::Role').filter(([id]) => /^(ApiFunction|AdminApiFunction|Jobs)/.test(id));
    expect(ours).toHaveLength(4);
    for (const [, role] of ours) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe('data', () => {
  it('is one on-demand table keyed by the store schema, encrypted with KMS, with PITR', () => {
    s.template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    s.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: TABLE_KEYS.partition, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sort, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('is deleted with a dev stack (prod: see stage.test.ts)', () => {
    const [, table] = s.resources('AWS::DynamoDB::GlobalTable')[0]!;
    expect(table.DeletionPolicy).toBe('Delete');
  });

  it('blocks public access, encrypts and requires TLS on every bucket; versions the data bucket', () => {
    const buckets = s.resources('AWS::S3::Bucket');
    expect(buckets.length).toBe(3); // data, web, access logs
    const policies = s.resources('AWS::S3::BucketPolicy').map(([, p]) => p);
    for (const [id, b] of buckets) {
      expect(b.Properties.PublicAccessBlockConfiguration, id).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(b.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm, id).toBe('AES256');
      const policy = policies.find((p) => p.Properties.Bucket.Ref === id);
      const denyInsecure = (policy?.Properties.PolicyDocument.Statement as Json[]).find(
        (st) => st.Effect === 'Deny' && st.Condition?.Bool?.['aws:SecureTransport'] === 'false',
      );
      expect(denyInsecure, `${id} denies non-TLS requests`).toBeDefined();
    }
    const [, data] = buckets.find(([id]) => id.startsWith('Data'))!;
    expect(data.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });
});

describe('compute', () => {
  const ours = () => s.resources('AWS::Lambda::Function').filter(([id]) => /^(ApiFunction|AdminApiFunction|Jobs)/.test(id));

  it('runs four bundled functions on Node 22, ARM64, each logging to a log group with retention', () => {
    expect(ours().map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(['AdminApiFunction', 'ApiFunction', 'JobsFetchFunction', 'JobsPipelineFunction']);
    const groups = Object.fromEntries(s.resources('AWS::Logs::LogGroup'));
    for (const [id, fn] of ours()) {
      expect(fn.Properties.Runtime, id).toBe('nodejs22.x');
      expect(fn.Properties.Architectures, id).toEqual(['arm64']);
      const group = groups[fn.Properties.LoggingConfig.LogGroup.Ref];
      expect(group?.Properties.RetentionInDays, id).toBe(14);
    }
    for (const [id, group] of s.resources('AWS::Logs::LogGroup')) expect(group.Properties.RetentionInDays, id).toBeGreaterThan(0);
  });

  it('points the API at the table and the geometry bucket (BLOB_BUCKET), the jobs at the data bucket', () => {
    const env = (prefix: string) => ours().find(([id]) => id.startsWith(prefix))![1].Properties.Environment.Variables;
    expect(env('ApiFunction')).toMatchObject({ TABLE_NAME: { Ref: expect.any(String) }, BLOB_BUCKET: { Ref: expect.stringMatching(/^Data/) } });
    expect(env('JobsPipeline')).toMatchObject({ DATA_BUCKET: { Ref: expect.stringMatching(/^Data/) } });
    expect(env('JobsFetch')).toMatchObject({ DATA_BUCKET: { Ref: expect.stringMatching(/^Data/) } });
  });

  it('bundles ESM for Lambda, ships data/*.json with every function, and keeps the API bundle small', () => {
    const assetDir = (prefix: string) => path.join(s.outdir, `asset.${String(ours().find(([id]) => id.startsWith(prefix))![1].Properties.Code.S3Key).replace(/\.zip$/, '')}`);
    const api = assetDir('ApiFunction');
    expect(readdirSync(api).sort()).toEqual(['data', 'docs', 'index.mjs', 'index.mjs.map', 'node_modules']);
    // Beside the bundle, what it loads at run time: the method document, the docs page's Swagger UI and the download writers.
    expect(existsSync(path.join(api, 'docs', 'method.md'))).toBe(true);
    for (const file of SWAGGER_UI_FILES) expect(existsSync(path.join(api, 'node_modules', 'swagger-ui-dist', file)), file).toBe(true);
    expect(readdirSync(path.join(api, 'node_modules')).sort()).toEqual(['swagger-ui-dist', ...Object.keys(DOWNLOAD_FORMAT_PACKAGES)].sort());
    // Both API functions deploy the English-only-zod rebuild: under the 1 MB budget of issue 4.
    for (const fn of ['ApiFunction', 'AdminApiFunction']) expect(statSync(path.join(assetDir(fn), 'index.mjs')).size, fn).toBeLessThan(1_000_000);
    // Every data/*.json the code reads relative to REPO_ROOT (the task root in Lambda) ships with every function.
    const dataFiles = readdirSync(path.join(REPO_ROOT, 'data')).filter((f) => f.endsWith('.json')).sort();
    expect(dataFiles).toContain('sources.json');
    for (const fn of ['ApiFunction', 'AdminApiFunction', 'JobsPipeline', 'JobsFetch']) expect(readdirSync(path.join(assetDir(fn), 'data')).sort(), fn).toEqual(dataFiles);
  });

  it('runs the pipeline on a schedule, without automatic retries', () => {
    s.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 7 ? * MON *)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^JobsPipelineFunction'), 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 0 } })],
    });
  });
});

describe('API', () => {
  const routes = () => s.resources('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties as Json);

  it('requires the Cognito JWT on every write route and on the $default catch-all', () => {
    const publicCompute = new Set(PUBLIC_COMPUTE_PATHS.map((p) => `POST ${p}`));
    const writeOrDefault = routes().filter((r) => r.RouteKey === '$default' || (WRITE_METHODS.some((m) => String(r.RouteKey).startsWith(`${m} `)) && !publicCompute.has(r.RouteKey)));
    expect(writeOrDefault).toHaveLength(1 + WRITE_PATHS.length * WRITE_METHODS.length);
    for (const r of writeOrDefault) {
      expect(r.AuthorizationType, r.RouteKey).toBe('JWT');
      expect(r.AuthorizerId, r.RouteKey).toBeDefined();
    }
    const keys = routes().map((r) => r.RouteKey);
    for (const p of WRITE_PATHS) for (const m of WRITE_METHODS) expect(keys).toContain(`${m} ${p}`);
  });

  it('puts the admin-only audit read behind the JWT, ahead of the public GET catch-all', () => {
    for (const path of ADMIN_READ_PATHS) {
      const route = routes().find((r) => r.RouteKey === `GET ${path}`);
      expect(route?.AuthorizationType, path).toBe('JWT');
      expect(route?.AuthorizerId, path).toBeDefined();
    }
  });

  it('sends public routes to the read-only function and everything behind the JWT to the write-capable one', () => {
    const functionOf = Object.fromEntries(
      // Each integration calls its function's "live" alias (deploy.test.ts).
      s.resources('AWS::ApiGatewayV2::Integration').map(([id, i]) => [id, String(i.Properties.IntegrationUri.Ref).replace(/LiveAlias[0-9A-F]{8}$/, '')]),
    );
    const target = (r: Json) => functionOf[String(r.Target['Fn::Join'][1][1].Ref)];
    for (const r of routes()) expect(target(r), r.RouteKey).toBe(r.AuthorizationType === 'JWT' ? 'AdminApiFunction' : 'ApiFunction');
  });

  it('opens only GET and HEAD under /v1, CORS preflights and the read-only compute POST', () => {
    const open = routes().filter((r) => r.AuthorizationType === 'NONE' || r.AuthorizationType === undefined);
    expect(open.map((r) => r.RouteKey).sort()).toEqual(['GET /v1/{proxy+}', 'HEAD /v1/{proxy+}', 'OPTIONS /v1/{proxy+}', 'POST /v1/indices/custom']);
  });

  it('validates tokens from the stack user pool for its app client', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [{ Ref: Match.stringLikeRegexp('^ApiUsersAdminClient') }], Issuer: Match.objectLike({ 'Fn::Join': Match.anyValue() }) },
    });
    s.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
    s.template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admins' });
  });

  it('throttles the stage and logs access as JSON (CORS: the app, identity.test.ts)', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"routeKey":"\\$context.routeKey"') },
    });
  });
});

describe('web', () => {
  it('serves a private bucket through CloudFront with origin access control and the API under /v1/*', () => {
    s.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 2); // web bucket; data bucket artifacts (cdn.test.ts)
    const [, dist] = s.resources('AWS::CloudFront::Distribution')[0]!;
    const config = dist.Properties.DistributionConfig;
    const s3Origin = (config.Origins as Json[]).find((o) => o.S3OriginConfig);
    expect(s3Origin?.OriginAccessControlId).toBeDefined();
    // Every method under /v1/*: the CDN (cache, WAF) is the one public API base (abuse.test.ts).
    expect(config.CacheBehaviors[0]).toEqual(expect.objectContaining({ PathPattern: '/v1/*', AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'] }));
    expect(config.CacheBehaviors.slice(1).map((b: Json) => b.PathPattern).sort()).toEqual(ARTIFACT_PREFIXES.map((p) => `/${p}/*`).sort());
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([expect.objectContaining({ EventType: 'viewer-request' })]);
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('sends CSP, HSTS, nosniff and frame options on every response', () => {
    const [, policy] = s.resources('AWS::CloudFront::ResponseHeadersPolicy')[0]!;
    const h = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(render(h.ContentSecurityPolicy.ContentSecurityPolicy)).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(h.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true });
    expect(h.ContentTypeOptions).toEqual({ Override: true });
    expect(h.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    const [, dist] = s.resources('AWS::CloudFront::Distribution')[0]!;
    const config = dist.Properties.DistributionConfig;
    for (const b of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) expect(b.ResponseHeadersPolicyId).toBeDefined();
  });

  it('deploys the build with a config.json that carries the API URL', () => {
    // The pages (index.html, config.json); hashed assets/ go up separately (deploy.test.ts).
    const [, deploy] = s.resources('Custom::CDKBucketDeployment').find(([, d]) => d.Properties.DistributionPaths)!;
    expect(deploy.Properties.DistributionPaths).toEqual(['/*']);
    expect(deploy.Properties.SourceObjectKeys).toHaveLength(2); // web build + config.json
    const markers = JSON.stringify(deploy.Properties.SourceMarkers);
    expect(markers).toContain(logicalId('AWS::ApiGatewayV2::Api', 'Api')); // the API id resolves into config.json's apiUrl
  });
});

describe('operations', () => {
  it('alarms on API error rates and throttles, failed jobs, DynamoDB throttles, API/CDN error rates, latency and stale data, all to the SNS topic (thresholds: monitoring.test.ts)', () => {
    const alarms = s.resources('AWS::CloudWatch::Alarm').map(([id, a]) => ({ id, props: a.Properties as Json }));
    expect(alarms.map((a) => a.id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(
      ['AlarmsAdminApiErrorRate', 'AlarmsAdminApiThrottles', 'AlarmsApi4xxRate', 'AlarmsApi5xxRate', 'AlarmsApiErrorRate', 'AlarmsApiLatencyP99', 'AlarmsApiThrottles', 'AlarmsCdn5xxRate', 'AlarmsFetchErrors', 'AlarmsPipelineErrors', 'AlarmsStaleData', 'AlarmsTableThrottles', 'JobsPipelineFailedAlarm'],
    );
    const topic = logicalId('AWS::SNS::Topic', 'AlarmsTopic');
    for (const a of alarms) expect(a.props.AlarmActions, a.id).toEqual([{ Ref: topic }]);
    s.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
  });

  it('outputs the URLs and names an operator needs', () => {
    const outputs = Object.keys(s.template.findOutputs('*'));
    for (const name of ['WebUrl', 'ApiUrl', 'UserPoolId', 'UserPoolClientId', 'DataBucketName', 'PipelineFunctionName', 'FetchFunctionName', 'AlarmTopicArn']) {
      expect(outputs).toContain(name);
    }
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('passes with zero unacknowledged errors (synth did not fail)', () => {
    // cdk-nag 3 leaves passing and acknowledged rules out of the report; nag-control.test.ts proves it reports failures.
    const nag = s.report.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
    const open = (nag?.violations ?? []).filter((v) => v.severity === 'error').map((v) => `${v.ruleName} @ ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`);
    expect(open).toEqual([]);
    expect(s.synthError).toBeNull();
  });

  it('acknowledges exactly the reviewed findings, each with a reason', () => {
    const acks = acknowledgements(s.stack).filter((a) => a.id.startsWith('AwsSolutions-'));
    for (const a of acks) expect(a.reason.length, `${a.path} ${a.id}`).toBeGreaterThan(40);
    const summary = [...new Set(acks.map((a) => `${a.path.replace(/^EquityAtlas-dev\//, '').replace(/Custom::CDKBucketDeployment\w+/, 'Custom::CDKBucketDeployment')} ${a.id.replace(/<(\w+?)[0-9A-F]{8}\.Arn>/, '<$1.Arn>')}`))].sort();
    expect(summary).toEqual([...REVIEWED_ACKNOWLEDGEMENTS].sort());
  });
});

/** Every cdk-nag acknowledgement in the tree (Validations.acknowledge writes them as construct metadata). */
function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id: id.replace(/^annotation::/i, ''), reason }))),
  );
}

/**
 * Reviewed list: adding a suppression means adding it here, with its reason in the code. The per-prefix
 * object wildcards of the artifact grants follow the store's key functions (artifact-prefixes.ts).
 */
const REVIEWED_ACKNOWLEDGEMENTS = [
  ...ARTIFACT_PREFIXES.flatMap((p) => ['ApiFunction', 'AdminApiFunction', 'Jobs/Pipeline'].map((fn) => `${fn}/Role AwsSolutions-IAM5[Resource::<Data.Arn>/${p}/*]`)),
  'AdminApiFunction/Function AwsSolutions-L1',
  'AccessLogs/Bucket AwsSolutions-S1',
  'Alarms/Topic AwsSolutions-SNS2',
  'Jobs/PipelineFailures AwsSolutions-SQS3',
  'Api/Api/GET--v1--{proxy+} AwsSolutions-APIG4',
  'Api/Api/HEAD--v1--{proxy+} AwsSolutions-APIG4',
  'Api/Api/OPTIONS--v1--{proxy+} AwsSolutions-APIG4',
  'Api/Api/POST--v1--indices--custom AwsSolutions-APIG4',
  'ApiFunction/Function AwsSolutions-L1',
  'ApiFunction/Role AwsSolutions-IAM5[Resource::*]',
  'AdminApiFunction/Role AwsSolutions-IAM5[Resource::*]',
  'Custom::CDKBucketDeployment AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
  'Custom::CDKBucketDeployment AwsSolutions-IAM5[Action::s3:Abort*]',
  'Custom::CDKBucketDeployment AwsSolutions-IAM5[Action::s3:DeleteObject*]',
  'Custom::CDKBucketDeployment AwsSolutions-IAM5[Action::s3:GetBucket*]',
  'Custom::CDKBucketDeployment AwsSolutions-IAM5[Action::s3:GetObject*]',
  'Custom::CDKBucketDeployment AwsSolutions-IAM5[Action::s3:List*]',
  'Custom::CDKBucketDeployment AwsSolutions-IAM5[Resource::*]',
  'Custom::CDKBucketDeployment AwsSolutions-IAM5[Resource::<WebBucket.Arn>/*]',
  'Custom::CDKBucketDeployment AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
  'Custom::CDKBucketDeployment AwsSolutions-L1',
  'Jobs/Fetch/Function AwsSolutions-L1',
  'Jobs/Fetch/Role AwsSolutions-IAM5[Resource::<Data.Arn>/fetch-reports/*]',
  'Jobs/Fetch/Role AwsSolutions-IAM5[Resource::<Data.Arn>/raw/*]',
  'Jobs/Pipeline/Function AwsSolutions-L1',
  'Jobs/Pipeline/Role AwsSolutions-IAM5[Resource::<Data.Arn>/sources/*]',
  'Web/Cdn AwsSolutions-CFR1',
  'Web/Cdn AwsSolutions-CFR2',
  'Web/Cdn AwsSolutions-CFR4',
];
