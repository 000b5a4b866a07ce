import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root, derived from this file's location (functions/src/config.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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

/** Read the environment once, at the edge. Every error names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    dataDir: path.resolve(REPO_ROOT, env.DATA_DIR || '../shared/data'),
    stateDir: path.resolve(REPO_ROOT, env.STATE_DIR || '.data'),
    port: parsePort(env.PORT, 'PORT', 8080),
    tableName: env.TABLE_NAME || 'equity-atlas',
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION || 'us-east-1',
  };
}
