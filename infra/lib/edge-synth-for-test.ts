import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EquityAtlasStack } from './stack.js';
import { stageConfig, type StageName } from './stage-config.js';
import { FIXTURE_WEB_DIST, type ValidationReport } from './synth-for-test.js';

/**
 * The stack with `-c` edge context (domainName, certificateArn, webAclArn, monthlyBudgetUsd) and
 * cdk-nag as in `cdk synth`, without bundling (the edge tests look at CloudFront, WAF and budgets only).
 */
export function synthEdge(stage: StageName, context: Record<string, unknown> = {}, env?: { region: string }) {
  const outdir = mkdtempSync(path.join(tmpdir(), 'cdk-edge-'));
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [], ...context } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new EquityAtlasStack(app, `EquityAtlas-${stage}`, { stage: stageConfig(stage), webDistDir: FIXTURE_WEB_DIST, alarmEmail: 'ops@example.org', env });
  let synthError: unknown = null;
  try {
    app.synth();
  } catch (err) {
    synthError = err;
  }
  const report = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  const nag = report.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
  const openFindings = (nag?.violations ?? []).filter((v) => v.severity === 'error').map((v) => `${v.ruleName} @ ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`);
  return { stack, template: Template.fromStack(stack), synthError, openFindings };
}
