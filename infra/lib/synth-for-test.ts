import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EquityAtlasStack } from './stack.js';
import { stageConfig, type StageName } from './stage-config.js';

/** A stand-in for web/dist, so the infra tests never depend on a web build. */
export const FIXTURE_WEB_DIST = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'web-dist');

export interface ValidationViolation {
  ruleName: string;
  severity: string;
  violatingConstructs: { constructPath: string }[];
  reason?: string;
}
export interface ValidationReport {
  pluginReports: { pluginName: string; conclusion: string; violations: ValidationViolation[]; suppressedViolations?: ValidationViolation[] }[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- CloudFormation JSON as the assertions read it
export type Json = Record<string, any>;

export interface Synthesized {
  stack: EquityAtlasStack;
  template: Template;
  /** [logical id, resource] of every resource of a CloudFormation type. */
  resources(type: string): [string, Json][];
  outdir: string;
  /** cdk.out/validation-report.json: cdk-nag findings, open and acknowledged. */
  report: ValidationReport;
  /** The error synth threw (cdk-nag fails synth on unacknowledged findings), if any. */
  synthError: unknown;
}

/**
 * Synthesize the stack the way `cdk synth` does (cdk-nag as a validation
 * plugin), into a temporary cloud assembly. Bundling is real unless `bundle`
 * is false (context aws:cdk:bundling-stacks = []), which tests of non-code
 * properties use to stay fast.
 */
export function synthStack(options: { stage: StageName; bundle: boolean; webDistDir?: string; alarmEmail?: string; alarmTopicArn?: string; context?: Record<string, unknown>; env?: { region: string } }): Synthesized {
  const outdir = mkdtempSync(path.join(tmpdir(), 'cdk-test-'));
  const app = new App({ outdir, context: { ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }), ...options.context } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new EquityAtlasStack(app, `EquityAtlas-${options.stage}`, {
    stage: stageConfig(options.stage),
    webDistDir: options.webDistDir ?? FIXTURE_WEB_DIST,
    alarmEmail: options.alarmEmail,
    alarmTopicArn: options.alarmTopicArn,
    env: options.env,
  });
  let synthError: unknown = null;
  try {
    app.synth();
  } catch (err) {
    synthError = err;
  }
  const report = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  const template = Template.fromStack(stack);
  return { stack, template, resources: (type) => Object.entries(template.findResources(type)), outdir, report, synthError };
}
