import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Size } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../acknowledge.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface AppFunctionProps {
  /** Handler module, relative to the repository root (exports `handler`). */
  entry: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  environment?: Record<string, string>;
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
  ephemeralStorage?: Size;
  /** Concurrency reserved for (and capped at) this function; default none (the account's unreserved pool). */
  reservedConcurrentExecutions?: number;
  /** X-Ray active tracing (the API functions): Lambda records each invocation's init, run and overhead segments. */
  tracing?: boolean;
  /** Shell commands run after the standard bundling (e.g. a slimmer rebuild of the same entry), given the output dir. */
  afterBundling?: (outputDir: string) => string[];
}

/**
 * A Lambda function from this repository's TypeScript: bundled by the local
 * esbuild (no Docker) as ESM for Node 22 on ARM64, with its own log group
 * (explicit retention) and its own role that may write only to that group —
 * no AWS managed policies; callers add exactly the data access they need.
 * data/*.json ships with every bundle (see afterBundling).
 */
export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: props.logRemovalPolicy });
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `Runs: ${props.description}` });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(REPO_ROOT, props.entry),
      handler: 'handler',
      description: props.description,
      // Node 22 is the newest runtime the project is tested against (STACK.md); Graviton is ~20 % cheaper per GB-s.
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      ephemeralStorageSize: props.ephemeralStorage,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup: this.logGroup,
      tracing: props.tracing ? Tracing.ACTIVE : undefined,
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        // Lambda runs Node 22; the SDK's Node-version notice is noise there.
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        // ESM: config.ts derives paths from import.meta.url, which a CommonJS bundle would leave undefined.
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // Bundle the SDK version the tests ran against instead of the runtime's copy.
        externalModules: [],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // The code reads data/*.json (source manifest, indicator registry, …) relative to REPO_ROOT, which is
          // the task root in Lambda (functions/src/config.ts): ship them there, all of them, so a new one cannot be missed.
          afterBundling: (inputDir, outputDir) => [
            `mkdir -p "${path.join(outputDir, 'data')}"`,
            `cp "${path.join(inputDir, 'data')}"/*.json "${path.join(outputDir, 'data')}/"`,
            ...(props.afterBundling?.(outputDir) ?? []),
          ],
        },
      },
    });
    if (props.tracing) {
      acknowledge(this.role, [
        { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions (the X-Ray service authorization reference lists no resource types for them).' },
      ]);
    }
  }
}
