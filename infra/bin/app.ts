#!/usr/bin/env node
// CDK app: `npx cdk synth` / `npx cdk deploy` at the repository root (cdk.json). Stage: `-c stage=prod` (default dev).
import path from 'node:path';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { REPO_ROOT } from '../lib/constructs/app-function.js';
import { EquityAtlasStack } from '../lib/stack.js';
import { alarmRecipients } from '../lib/alarm-recipients.js';
import { stageConfig } from '../lib/stage-config.js';

// Under the CDK CLI the output directory comes from CDK_OUTDIR; run directly (`npx tsx infra/bin/app.ts`)
// the app synthesizes into ./cdk.out itself, which checks everything synth checks without the CLI.
const app = new App(process.env.CDK_OUTDIR ? {} : { outdir: path.join(REPO_ROOT, 'cdk.out') });
const stage = orExit(() => stageConfig(app.node.tryGetContext('stage')));
// Prod must name who its alarms reach (-c alarmEmail=… or -c alarmTopicArn=…): refused here, before any bundling.
const recipients = orExit(() => alarmRecipients(stage.name, { alarmEmail: app.node.tryGetContext('alarmEmail'), alarmTopicArn: app.node.tryGetContext('alarmTopicArn') }));

// cdk-nag 3 runs as a validation plugin: unsuppressed findings fail synth with a report in cdk.out.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

// No env: the stack is environment-agnostic, so synth needs no credentials and no lookups.
const stack = new EquityAtlasStack(app, `EquityAtlas-${stage.name}`, {
  stage,
  webDistDir: path.join(REPO_ROOT, 'web', 'dist'),
  alarmEmail: recipients.email,
  alarmTopicArn: recipients.topicArn,
  description: `Equity Atlas (${stage.name}): DynamoDB, Hono API on Lambda, scheduled pipeline, S3 + CloudFront web`,
});
Tags.of(stack).add('project', 'equity-atlas');
Tags.of(stack).add('stage', stage.name);

/** A configuration mistake is the operator's to fix: say what, without a stack trace, and fail synth. */
function orExit<T>(resolve: () => T): T {
  try {
    return resolve();
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exit(1);
  }
}

// Explicit, so a direct run synthesizes too (under the CLI this is the same, cached, assembly).
app.synth();
