import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * Repository root, derived from this file's location (functions/src/config.ts). In a Lambda bundle there
 * is no repository: the task root plays its part, and the bundle ships data/*.json there (infra/).
 */
export const REPO_ROOT = process.env.LAMBDA_TASK_ROOT || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Config {
  /** Directory holding the staged public sources (see data/sources.json). */
  dataDir: string;
  /** Where local state lives: DynamoDB Local files and published geometry. */
  stateDir: string;
  port: number;
  tableName: string;
  /** Set to talk to an already running DynamoDB (local or remote); unset locally means "spawn DynamoDB Local". */
  dynamoEndpoint: string | undefined;
  region: string;
  /** Local server per-client token bucket (RATE_LIMIT_PER_SECOND, RATE_LIMIT_BURST); perSecond 0 = off. */
  rateLimit: { perSecond: number; burst: number };
  /** Who may edit investments: `token` (bearer ADMIN_TOKEN) or `apigateway-jwt` (AWS: trust API Gateway's JWT authorizer claims). */
  authMode: 'token' | 'apigateway-jwt';
  /** Bearer token for investment edits in `token` mode; unset = nobody may edit (`npm start` generates and prints one). */
  adminToken: string | undefined;
  /** Origins whose pages may call the write methods cross-origin (SITE_ORIGIN, comma-separated; api/cors-policy.ts); none by default. */
  siteOrigins: string[];
}

export class ConfigError extends Error {
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

function parsePort(raw: string | undefined, variable: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(variable, `expected an integer port 0–65535, got "${raw}"`);
  }
  return port;
}

function parseNonNegative(raw: string | undefined, variable: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new ConfigError(variable, `expected a number ≥ 0, got "${raw}"`);
  return n;
}

function parseAuthMode(raw: string | undefined): Config['authMode'] {
  if (raw === undefined || raw === '' || raw === 'token') return 'token';
  if (raw === 'apigateway-jwt') return raw;
  throw new ConfigError('AUTH_MODE', `expected "token" or "apigateway-jwt", got "${raw}"`);
}

/** A guessable token would open the write routes: insist on some length. */
function parseAdminToken(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 16 || /\s/.test(raw)) throw new ConfigError('ADMIN_TOKEN', 'expected at least 16 characters without spaces (npm start generates one when unset)');
  return raw;
}

/** `https://host[:port]` origins, comma-separated: a path or a typo would silently refuse the site's writes. */
function parseOrigins(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((o) => {
    const origin = o.trim();
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new ConfigError('SITE_ORIGIN', `expected origins like https://example.org (no path), got "${origin}"`);
    return origin;
  });
}

/** Read the environment once, at the edge. Every error names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    dataDir: path.resolve(REPO_ROOT, env.DATA_DIR || '../shared/data'),
    stateDir: path.resolve(REPO_ROOT, env.STATE_DIR || '.data'),
    port: parsePort(env.PORT, 'PORT', 8080),
    tableName: env.TABLE_NAME || 'equity-atlas',
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION || 'us-east-1',
    rateLimit: { perSecond: parseNonNegative(env.RATE_LIMIT_PER_SECOND, 'RATE_LIMIT_PER_SECOND', 100), burst: Math.max(1, parseNonNegative(env.RATE_LIMIT_BURST, 'RATE_LIMIT_BURST', 200)) },
    authMode: parseAuthMode(env.AUTH_MODE),
    adminToken: parseAdminToken(env.ADMIN_TOKEN),
    siteOrigins: parseOrigins(env.SITE_ORIGIN),
  };
}
