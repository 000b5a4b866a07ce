import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export type StageName = 'dev' | 'prod';

/** Everything that differs between a throwaway dev stack and production, in one place. */
export interface StageConfig {
  name: StageName;
  /** Data (table, data bucket, logs, user pool) survives `cdk destroy` in prod. */
  retainData: boolean;
  dataRemovalPolicy: RemovalPolicy;
  logRetention: RetentionDays;
  /** Steady-state requests per second and burst for the whole HTTP API stage. */
  throttle: { rateLimit: number; burstLimit: number };
  pipelineSchedule: Schedule;
  /** Non-current S3 object versions (older raw downloads, replaced staged files) are kept this long. */
  noncurrentVersionExpiration: Duration;
  /** The stale-data alarm fires when changed sources have waited this many days for a published version (a few scheduled runs). */
  staleDataDays: number;
  /** Concurrency reserved for and capping the public API function; none in dev (new accounts often allow only 10 in all). */
  apiReservedConcurrency?: number;
  /** AWS WAF on CloudFront (constructs/waf.ts): requests per IP per 5 minutes; none = no web ACL (≈ $9/month saved). */
  waf?: { requestsPer5MinPerIp: number };
  /** AWS Budgets monthly limit (USD) unless `-c monthlyBudgetUsd=` says otherwise. */
  monthlyBudgetUsd: number;
}

const STAGES: Record<StageName, StageConfig> = {
  dev: {
    name: 'dev',
    retainData: false,
    dataRemovalPolicy: RemovalPolicy.DESTROY,
    logRetention: RetentionDays.TWO_WEEKS,
    throttle: { rateLimit: 20, burstLimit: 40 },
    // Weekly: enough to prove the schedule works without paying for idle recomputes.
    pipelineSchedule: Schedule.cron({ weekDay: 'MON', hour: '7', minute: '0' }),
    noncurrentVersionExpiration: Duration.days(30),
    staleDataDays: 10,
    monthlyBudgetUsd: 10,
  },
  prod: {
    name: 'prod',
    retainData: true,
    dataRemovalPolicy: RemovalPolicy.RETAIN,
    logRetention: RetentionDays.SIX_MONTHS,
    throttle: { rateLimit: 200, burstLimit: 400 },
    // Sources change a few times a year; a daily recompute republishes within a day of a new upload.
    pipelineSchedule: Schedule.cron({ hour: '7', minute: '0' }),
    noncurrentVersionExpiration: Duration.days(365),
    staleDataDays: 3,
    // The stage throttle (200 req/s) at 50–100 ms per answer needs 10–20; 30 leaves room for cold starts.
    // Also the cost ceiling: at most 30 GB-s per second of API Lambda, whatever the traffic.
    apiReservedConcurrency: 30,
    // A map session makes ≈ 10 API and ≈ 20 file requests; 2,000 per 5 minutes per IP still lets an office
    // behind one NAT address browse, while one scraper gets 429 after ≈ 7 req/s.
    waf: { requestsPer5MinPerIp: 2000 },
    // The estimate is ≈ $16/month with WAF (docs/deploy.md, Monthly cost): the alert comes well before a runaway bill.
    monthlyBudgetUsd: 50,
  },
};

/** Resolve `-c stage=…` (default dev). Unknown names are an error, not a silent dev deploy. */
export function stageConfig(raw: unknown): StageConfig {
  const name = raw === undefined ? 'dev' : raw;
  if (name !== 'dev' && name !== 'prod') throw new Error(`stage: expected "dev" or "prod" (cdk -c stage=…), got ${JSON.stringify(raw)}`);
  return STAGES[name];
}
