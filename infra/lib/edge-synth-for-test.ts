import type { StageName } from './stage-config.js';
import { synthStack } from './synth-for-test.js';

/**
 * The stack with `-c` edge context (domainName, certificateArn, webAclArn, monthlyBudgetUsd) and
 * cdk-nag as in `cdk synth`, without bundling (the edge tests look at CloudFront, WAF and budgets only).
 */
export function synthEdge(stage: StageName, context: Record<string, unknown> = {}, env?: { region: string }) {
  const s = synthStack({ stage, bundle: false, alarmEmail: 'ops@example.org', context, env });
  const nag = s.report.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
  const openFindings = (nag?.violations ?? []).filter((v) => v.severity === 'error').map((v) => `${v.ruleName} @ ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`);
  return { stack: s.stack, template: s.template, synthError: s.synthError, openFindings };
}
