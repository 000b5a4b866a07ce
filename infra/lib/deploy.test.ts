import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './constructs/app-function.js';
import { synthStack, type Synthesized } from './synth-for-test.js';

// Issue 17, item 10: gradual deployment of the API in prod, web deploy with Cache-Control and no pruning, the runbook.
let prod: Synthesized;
let dev: Synthesized;
beforeAll(() => {
  prod = synthStack({ stage: 'prod', bundle: false, alarmEmail: 'ops@example.org' });
  dev = synthStack({ stage: 'dev', bundle: false, alarmEmail: 'ops@example.org' });
}, 240_000);

type Json = Record<string, any>;
const resources = (s: Synthesized, type: string): [string, Json][] => Object.entries(s.template.findResources(type));

describe('API: Lambda alias with gradual deployment', () => {
  it('integrates API Gateway with the "live" alias of each API function, never $LATEST', () => {
    for (const s of [prod, dev]) {
      const aliases = Object.fromEntries(resources(s, 'AWS::Lambda::Alias').map(([id, a]) => [id, a.Properties]));
      const integrations = resources(s, 'AWS::ApiGatewayV2::Integration');
      expect(integrations.length).toBe(2);
      for (const [id, i] of integrations) {
        const target = i.Properties.IntegrationUri.Ref as string;
        expect(aliases[target], id).toMatchObject({ Name: 'live', FunctionVersion: { 'Fn::GetAtt': [expect.any(String), 'Version'] } });
      }
    }
  });

  it('shifts prod traffic 10 % for 5 minutes, then all, rolling back on alarms', () => {
    const groups = resources(prod, 'AWS::CodeDeploy::DeploymentGroup');
    expect(groups).toHaveLength(2);
    for (const [id, g] of groups) {
      expect(g.Properties.DeploymentConfigName, id).toBe('CodeDeployDefault.LambdaCanary10Percent5Minutes');
      expect(g.Properties.AutoRollbackConfiguration, id).toEqual({ Enabled: true, Events: expect.arrayContaining(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']) });
      expect(g.Properties.AlarmConfiguration.Enabled, id).toBe(true);
      expect(g.Properties.AlarmConfiguration.Alarms.length, id).toBeGreaterThanOrEqual(2);
    }
    // The alias is updated by CodeDeploy, not by CloudFormation directly.
    for (const [id, a] of resources(prod, 'AWS::Lambda::Alias')) expect(a.UpdatePolicy?.CodeDeployLambdaAliasUpdate, id).toBeDefined();
  });

  it('passes cdk-nag in prod, CodeDeploy included (its one managed policy acknowledged with a reason)', () => {
    const nag = prod.report.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
    expect((nag?.violations ?? []).filter((v) => v.severity === 'error').map((v) => `${v.ruleName} @ ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`)).toEqual([]);
    expect(prod.synthError).toBeNull();
  });

  it('deploys dev all at once (no CodeDeploy)', () => {
    expect(resources(dev, 'AWS::CodeDeploy::DeploymentGroup')).toHaveLength(0);
  });
});

describe('web deploy: Cache-Control and no pruning', () => {
  const deployments = (s: Synthesized) => resources(s, 'Custom::CDKBucketDeployment').map(([id, d]) => ({ id, props: d.Properties as Json, dependsOn: (d.DependsOn ?? []) as string[] }));

  it('uploads hashed assets/ as immutable for a year and the rest (index.html, config.json) as no-cache', () => {
    const all = deployments(prod);
    expect(all).toHaveLength(2);
    const assets = all.find((d) => d.props.DestinationBucketKeyPrefix === 'assets/')!;
    const pages = all.find((d) => d !== assets)!;
    expect(assets.props.SystemMetadata).toEqual({ 'cache-control': 'public, max-age=31536000, immutable' });
    expect(pages.props.SystemMetadata).toEqual({ 'cache-control': 'no-cache' });
    expect(pages.props.SourceObjectKeys).toHaveLength(2); // the build without assets/ + config.json
    // Pages go up after the assets they reference, and only the pages need an invalidation.
    expect(pages.dependsOn.some((d) => d.startsWith(assets.id.replace(/CustomResource[0-9A-F]*$/, '')))).toBe(true);
    expect(pages.props.DistributionPaths).toEqual(['/*']);
    expect(assets.props.DistributionPaths).toBeUndefined();
  });

  it('never prunes: assets an index.html still cached in a browser refers to stay', () => {
    for (const d of deployments(prod)) expect(d.props.Prune, d.id).toBe(false);
  });
});

describe('runbook (docs/deploy.md)', () => {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs/deploy.md'), 'utf8');

  it('walks a fresh account through bootstrap, first admin, upload and first run', () => {
    const runbook = doc.slice(doc.indexOf('## Fresh account'));
    expect(runbook.length).toBeGreaterThan(100);
    const steps = ['cdk bootstrap', 'cdk deploy', 'admin-create-user', 'upload-sources.ts', 'aws lambda invoke', 'v1/health'];
    let at = 0;
    for (const step of steps) {
      const found = runbook.indexOf(step, at);
      expect(found, step).toBeGreaterThan(-1);
      at = found;
    }
  });

  it('no longer says the admins group is checked "when the write routes land"', () => {
    expect(doc).not.toMatch(/when they land/);
    expect(doc).not.toMatch(/\(future\) write routes/);
  });
});
