import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/src/store/table-schema.js';
import { REPO_ROOT } from './constructs/app-function.js';
import { ADMIN_READ_PATHS } from './constructs/http-api.js';
import { INVESTMENT_PARTITIONS } from './investment-partitions.js';
import { PUBLIC_READ_PARTITIONS } from './public-partitions.js';
import { synthStack, type Json, type Synthesized } from './synth-for-test.js';

// Issue 17, item 9: least privilege on the table, the audit HEAD route, the Cognito client, CORS for writes.
let s: Synthesized;
beforeAll(() => {
  s = synthStack({ stage: 'prod', bundle: false, alarmEmail: 'ops@example.org' });
}, 120_000);

const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);
const statementsOf = (rolePrefix: string): Json[] =>
  s.resources('AWS::IAM::Policy')
    .filter(([id]) => id.startsWith(rolePrefix))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
const dynamoStatements = (rolePrefix: string) => statementsOf(rolePrefix).filter((st) => list(st.Action).some((a: string) => a.startsWith('dynamodb:')));

/** IAM StringLike: `*` any run of characters, `?` one character. */
const iamLike = (pattern: string, value: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(value);
const allows = (patterns: string[], pk: string) => patterns.some((p) => iamLike(p, pk));

describe('public API role: only the partitions it serves (dynamodb:LeadingKeys)', () => {
  it('reads (GetItem, Query) only under a leading-keys condition naming pointer, versions, places and investments', () => {
    const reads = dynamoStatements('ApiFunctionRole');
    expect(reads).toEqual([
      expect.objectContaining({
        Action: ['dynamodb:GetItem', 'dynamodb:Query'],
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': PUBLIC_READ_PARTITIONS } },
      }),
    ]);
    expect(PUBLIC_READ_PARTITIONS).toEqual(['POINTER', 'VERSIONS', 'PLACES#*', 'INVESTMENTS']);
  });

  it('matches every key the public routes read and none of the audit, idempotency or seed records', () => {
    for (const pk of [keys.pointer().PK, keys.version('ma-hei-1.0-20261130T070000Z-ab12').PK, keys.place('v1', 'town', '25001').PK, keys.investment('inv-1').PK]) {
      expect(allows(PUBLIC_READ_PARTITIONS, pk), pk).toBe(true);
    }
    for (const pk of [keys.audit('inv-1', 1).PK, keys.idempotency('k').PK, keys.investmentSeed().PK]) expect(allows(PUBLIC_READ_PARTITIONS, pk), pk).toBe(false);
  });

  it('classifies every partition the store defines, so a new one needs a decision here', () => {
    const notPublic = new Set(['audit', 'auditPartition', 'idempotency', 'investmentSeed']);
    for (const [name, key] of Object.entries(keys)) {
      const made = (key as (...a: string[]) => string | { PK: string })('x', 'town', 'y');
      const pk = typeof made === 'string' ? made : made.PK;
      expect(allows(PUBLIC_READ_PARTITIONS, pk), `${name} → ${pk}`).toBe(!notPublic.has(name));
    }
  });

  it('lets the admin role read the public partitions plus the investment ones (audit, idempotency), nothing else', () => {
    const reads = dynamoStatements('AdminApiFunctionRole').filter((st) => list(st.Action).includes('dynamodb:GetItem'));
    expect(reads).toEqual([
      expect.objectContaining({ Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...PUBLIC_READ_PARTITIONS, ...INVESTMENT_PARTITIONS] } } }),
    ]);
    expect(allows([...PUBLIC_READ_PARTITIONS, ...INVESTMENT_PARTITIONS], keys.investmentSeed().PK)).toBe(false);
  });
});

describe('admin-only audit trail', () => {
  const routes = () => s.resources('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties as Json);
  const functionOf = () =>
    Object.fromEntries(s.resources('AWS::ApiGatewayV2::Integration').map(([id, i]) => [id, JSON.stringify(i.Properties.IntegrationUri)]));

  it('sends HEAD as well as GET /v1/investments/{id}/audit through the JWT authorizer to the admin function', () => {
    for (const p of ADMIN_READ_PATHS) {
      for (const method of ['GET', 'HEAD']) {
        const route = routes().find((r) => r.RouteKey === `${method} ${p}`);
        expect(route?.AuthorizationType, `${method} ${p}`).toBe('JWT');
        const integration = String(route!.Target['Fn::Join'][1][1].Ref);
        expect(functionOf()[integration], `${method} ${p}`).toMatch(/AdminApiFunction/);
      }
    }
  });
});

describe('Cognito app client', () => {
  it('signs in with SRP only (no USER_PASSWORD_AUTH) and has OAuth disabled', () => {
    const [[, client]] = s.resources('AWS::Cognito::UserPoolClient') as [[string, Json]];
    expect([...client.Properties.ExplicitAuthFlows].sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH']);
    expect(client.Properties.AllowedOAuthFlows).toBeUndefined();
    expect(client.Properties.CallbackURLs).toBeUndefined();
    expect(client.Properties.AllowedOAuthFlowsUserPoolClient ?? false).toBe(false);
  });

  it('documents the SRP sign-in, not USER_PASSWORD_AUTH', () => {
    const deploy = readFileSync(path.join(REPO_ROOT, 'docs/deploy.md'), 'utf8');
    expect(deploy).not.toMatch(/USER_PASSWORD_AUTH/);
    expect(deploy).toMatch(/infra\/scripts\/admin-token\.ts/);
  });
});

describe('CORS: writes only from the site', () => {
  it('leaves CORS to the app (API Gateway would answer every preflight with one origin list) and routes preflights to the read-only function', () => {
    const [[, api]] = s.resources('AWS::ApiGatewayV2::Api') as [[string, Json]];
    expect(api.Properties.CorsConfiguration).toBeUndefined();
    const options = s.resources('AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === 'OPTIONS /v1/{proxy+}')?.[1];
    expect(options?.Properties.AuthorizationType).toBe('NONE');
  });

  it("tells both API functions the site's origin (the CloudFront domain)", () => {
    const fns = s.resources('AWS::Lambda::Function').filter(([id]) => /^(ApiFunction|AdminApiFunction)/.test(id));
    expect(fns).toHaveLength(2);
    for (const [id, fn] of fns) {
      expect(JSON.stringify(fn.Properties.Environment.Variables.SITE_ORIGIN), id).toMatch(/https:\/\/.*WebCdn.*DomainName/);
    }
  });
});
