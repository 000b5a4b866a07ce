import { Duration, Stack, type RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpNoneAuthorizer, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolClient,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { acknowledge } from '../acknowledge.js';
import { Construct } from 'constructs';

/** Methods that change data: every route with one of these must carry the JWT authorizer. */
export const WRITE_METHODS = [HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE];
/** Write routes the app will serve (investments, a later issue); the authorizer is wired now. */
export const WRITE_PATHS = ['/v1/investments', '/v1/investments/{proxy+}'];
/** Admin-only reads (the audit trail): more specific than GET /v1/{proxy+}, so API Gateway routes them here, behind the JWT. */
export const ADMIN_READ_PATHS = ['/v1/investments/{id}/audit'];
/**
 * POST routes that compute from published data and store nothing (custom domain weights):
 * public like the GET routes, listed one by one so a new POST needs a decision here.
 */
export const PUBLIC_COMPUTE_PATHS = ['/v1/indices/custom'];
export const ADMIN_GROUP = 'admins';

export interface EquityApiProps {
  /** Serves the public routes: read-only role. */
  handler: IFunction;
  /** The same app with a role that may also write investments: serves the JWT-guarded routes only. */
  writeHandler: IFunction;
  throttle: { rateLimit: number; burstLimit: number };
  logRetention: RetentionDays;
  removalPolicy: RemovalPolicy;
  retain: boolean;
}

/**
 * HTTP API in front of the one Hono Lambda. Secure by default: the JWT
 * authorizer (Cognito) is the API's default, so any route not explicitly
 * opened — including the $default catch-all — needs a token. Only GET/HEAD
 * under /v1 and the read-only compute POSTs are public (the indices are public data).
 */
export class EquityApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: EquityApiProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'Users', {
      // Admins are created by an operator (docs/deploy.md); nobody can sign themselves up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 14, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus tier: threat protection (compromised credentials, risky sign-ins) for a handful of admins costs cents.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.retain,
      removalPolicy: props.removalPolicy,
    });
    new UserPoolGroup(this, 'Admins', { userPool: this.userPool, groupName: ADMIN_GROUP, description: 'May call the write routes' });
    this.userPoolClient = this.userPool.addClient('AdminClient', {
      // SRP only: the password never leaves the client (infra/scripts/admin-token.ts signs in this way).
      authFlows: { userSrp: true },
      // No hosted UI or OAuth flows: tokens come only from SRP sign-in, so there are no callback URLs to hijack.
      disableOAuth: true,
      generateSecret: false,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
    });

    const issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
    const jwt = new HttpJwtAuthorizer('CognitoJwt', issuer, { jwtAudience: [this.userPoolClient.userPoolClientId] });
    const integration = new HttpLambdaIntegration('Hono', props.handler);
    const writeIntegration = new HttpLambdaIntegration('HonoWrites', props.writeHandler);

    this.api = new HttpApi(this, 'Api', {
      description: 'Equity Atlas API (Hono on Lambda)',
      createDefaultStage: false,
      // Anything not explicitly public needs a token and runs with the write-capable role.
      defaultIntegration: writeIntegration,
      defaultAuthorizer: jwt,
      // No corsPreflight: API Gateway would answer every preflight itself, with one origin list for all methods,
      // and drop the app's CORS headers. The app (functions/src/api/cors-policy.ts) opens reads to any origin and
      // the write methods to the site's origin only; preflights reach it through the public OPTIONS route below.
    });
    const publicRoutes = [
      ...this.api.addRoutes({ path: '/v1/{proxy+}', methods: [HttpMethod.GET, HttpMethod.HEAD], integration, authorizer: new HttpNoneAuthorizer() }),
      // Browsers send preflights without credentials; the read-only function answers them (and changes nothing).
      ...this.api.addRoutes({ path: '/v1/{proxy+}', methods: [HttpMethod.OPTIONS], integration, authorizer: new HttpNoneAuthorizer() }),
      ...PUBLIC_COMPUTE_PATHS.flatMap((path) => this.api.addRoutes({ path, methods: [HttpMethod.POST], integration, authorizer: new HttpNoneAuthorizer() })),
    ];
    for (const path of WRITE_PATHS) this.api.addRoutes({ path, methods: WRITE_METHODS, integration: writeIntegration, authorizer: jwt });
    // HEAD too: otherwise HEAD on the audit trail would fall to the public HEAD /v1/{proxy+} route and the read-only function.
    for (const path of ADMIN_READ_PATHS) this.api.addRoutes({ path, methods: [HttpMethod.GET, HttpMethod.HEAD], integration: writeIntegration, authorizer: jwt });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention, removalPolicy: props.removalPolicy });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            bytes: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    // Suppressed on the public read routes only, so a write route without the authorizer would still fail cdk-nag.
    acknowledge(
      publicRoutes,
      [{ id: 'AwsSolutions-APIG4', reason: 'GET/HEAD /v1/{proxy+} and POST /v1/indices/custom (re-ranking with custom weights, stores nothing) serve public open data; OPTIONS /v1/{proxy+} answers CORS preflights, which browsers send without credentials. Every other route, including $default, uses the Cognito JWT authorizer.' }],
    );
  }

  /** Base URL of the API (trailing slash), e.g. https://abc123.execute-api.us-east-1.amazonaws.com/ */
  get url(): string {
    return this.stage.url;
  }
}
