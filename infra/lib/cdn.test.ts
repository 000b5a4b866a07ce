import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { Context } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IConstruct } from 'constructs';
import { Validations } from 'aws-cdk-lib';
import { createApp } from '../../functions/src/api/app.js';
import { wantsCsv } from '../../functions/src/api/csv-response.js';
import { IndexReader } from '../../functions/src/api/index-reader.js';
import { negotiateFormat } from '../../functions/src/api/place-formats.js';
import type { VersionMeta } from '../../functions/src/indices/place-record.js';
import type { BlobStore, IndexStore } from '../../functions/src/store/index-store.js';
import { IMMUTABLE_CACHE_CONTROL } from '../../functions/src/api/http-cache.js';
import { ARTIFACT_PREFIXES } from './artifact-prefixes.js';
import { ACCEPT_TO_FORMAT_FILE } from './constructs/web-site.js';
import { synthEdge } from './edge-synth-for-test.js';

type Json = Record<string, any>;
interface CfRequest {
  uri: string;
  querystring: Record<string, { value: string; multiValue?: { value: string }[] }>;
  headers: Record<string, { value: string; multiValue?: { value: string }[] }>;
}

// The exact file CloudFront runs, evaluated as its runtime does: a script defining `handler`.
const source = readFileSync(ACCEPT_TO_FORMAT_FILE, 'utf8');
const sandbox = vm.createContext({});
vm.runInContext(source, sandbox);
const handler = (sandbox as { handler: (e: unknown) => CfRequest }).handler;

function viewerRequest(uri: string, accept?: string | string[], query: Record<string, string> = {}): CfRequest {
  const headers: CfRequest['headers'] = {};
  if (typeof accept === 'string') headers.accept = { value: accept };
  if (Array.isArray(accept)) headers.accept = { value: accept[0]!, multiValue: accept.map((value) => ({ value })) };
  const querystring = Object.fromEntries(Object.entries(query).map(([k, value]) => [k, { value }]));
  const event = { version: '1.0', context: { eventType: 'viewer-request' }, viewer: { ip: '192.0.2.1' }, request: { method: 'GET', uri, querystring, headers, cookies: {} } };
  return handler(event);
}
const formatOf = (r: CfRequest) => r.querystring.format?.value;

describe('accept-to-format.js (CloudFront Function code)', () => {
  it('writes the format Accept selects into ?format=', () => {
    expect(formatOf(viewerRequest('/v1/places', 'application/geo+json'))).toBe('geojson');
    expect(formatOf(viewerRequest('/v1/versions/ma-hei-1.1-20261123T034501Z-1a2b/download', 'application/geo+json'))).toBe('geojson');
    expect(formatOf(viewerRequest('/v1/places', 'text/csv'))).toBe('csv');
    expect(formatOf(viewerRequest('/v1/crosswalk', 'text/csv,*/*;q=0.1'))).toBe('csv');
    expect(formatOf(viewerRequest('/v1/places', ['text/html', 'text/csv']))).toBe('csv'); // repeated headers, joined as API Gateway does
  });

  it('leaves the request alone when Accept selects the default (wildcard, JSON, absent)', () => {
    for (const accept of [undefined, '*/*', 'application/json', 'text/csv, application/json', 'text/html,application/xhtml+xml,*/*;q=0.8']) {
      const r = viewerRequest('/v1/places', accept, { level: 'town' });
      expect(r.querystring, String(accept)).toEqual({ level: { value: 'town' } });
    }
  });

  it('keeps an explicit ?format= (it wins in the API too) and every other parameter', () => {
    const r = viewerRequest('/v1/places', 'application/geo+json', { level: 'zcta', format: 'csv', sort: 'rank', county: 'Hampden' });
    expect(r.querystring).toEqual({ level: { value: 'zcta' }, format: { value: 'csv' }, sort: { value: 'rank' }, county: { value: 'Hampden' } });
    const added = viewerRequest('/v1/places', 'text/csv', { level: 'town', limit: '10' });
    expect(added.querystring).toEqual({ level: { value: 'town' }, limit: { value: '10' }, format: { value: 'csv' } });
    expect(added.uri).toBe('/v1/places');
  });

  it('asks for GeoJSON only where the API offers it (JSON-or-CSV routes answer JSON to Accept: application/geo+json)', () => {
    expect(formatOf(viewerRequest('/v1/crosswalk', 'application/geo+json'))).toBeUndefined();
    expect(formatOf(viewerRequest('/v1/sensitivity', 'application/geo+json'))).toBeUndefined();
    expect(formatOf(viewerRequest('/v1/places/town/2502507000', 'application/geo+json'))).toBeUndefined();
  });
});

describe('accept-to-format.js against the API', () => {
  const meta = { version: 'v1', measures: { town: {}, zcta: {} } } as unknown as VersionMeta;
  const store = { getCurrentVersion: async () => meta, getVersion: async () => meta, listPlaces: async () => [] } as unknown as IndexStore;
  const blobs: BlobStore = { put: async () => {}, get: async () => null };
  let formatRoutes: { path: string; formats: string[] }[] = [];
  beforeAll(async () => {
    const doc = (await (await createApp({ reader: new IndexReader(store, blobs) }).request('/v1/openapi.json')).json()) as Json;
    formatRoutes = Object.entries(doc.paths as Json).flatMap(([p, ops]) => {
      const format = ((ops as Json).get?.parameters ?? []).find((q: Json) => q.in === 'query' && q.name === 'format');
      return format ? [{ path: p.replace(/\{[^}]+\}/g, 'x'), formats: format.schema.enum as string[] }] : [];
    });
  });
  const ACCEPTS = [undefined, '*/*', 'application/json', 'text/csv', 'application/geo+json', 'text/csv, application/json', 'application/geo+json, text/csv', 'application/geo+json, application/json', 'text/html'];

  it('only ever writes a format the route accepts, and GeoJSON exactly where the route offers it', () => {
    expect(formatRoutes.map((r) => r.path)).toEqual(expect.arrayContaining(['/v1/places', '/v1/versions/x/download', '/v1/crosswalk']));
    for (const route of formatRoutes) {
      for (const accept of ACCEPTS) {
        const format = formatOf(viewerRequest(route.path, accept));
        if (format) expect(route.formats, `${route.path} ${accept}`).toContain(format);
      }
      expect(formatOf(viewerRequest(route.path, 'application/geo+json')) === 'geojson', route.path).toBe(route.formats.includes('geojson'));
    }
  });

  it('selects what the API would have selected from Accept alone (place-formats.ts, csv-response.ts)', () => {
    const ctx = (accept: string | undefined) => ({ req: { header: (name: string) => (name === 'accept' ? accept : undefined) } }) as unknown as Context;
    for (const accept of ACCEPTS) {
      const c = ctx(accept);
      // Routes with GeoJSON negotiate json|csv|geojson; the others choose CSV or JSON.
      expect(negotiateFormat(c, formatOf(viewerRequest('/v1/places', accept)) as never), String(accept)).toBe(negotiateFormat(c, undefined));
      expect(wantsCsv(c, formatOf(viewerRequest('/v1/crosswalk', accept))), String(accept)).toBe(wantsCsv(c, undefined));
    }
  });
});

describe('CloudFront /v1/* behaviour', () => {
  let template: Json;
  beforeAll(() => {
    template = synthEdge('dev').template.toJSON();
  }, 120_000);
  const ofType = (type: string) => Object.entries(template.Resources as Json).filter(([, r]) => (r as Json).Type === type) as [string, Json][];
  const apiBehaviour = () => ofType('AWS::CloudFront::Distribution')[0]![1].Properties.DistributionConfig.CacheBehaviors.find((b: Json) => b.PathPattern === '/v1/*');

  it('runs accept-to-format.js on viewer request', () => {
    const [fnId, fn] = ofType('AWS::CloudFront::Function').find(([id]) => id.startsWith('WebAcceptToFormat'))!;
    expect(fn.Properties.FunctionCode).toBe(source);
    expect(fn.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(apiBehaviour().FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fnId, 'FunctionARN'] } }]);
  });

  it('keys the cache on the query string, format included, and keeps pinned answers up to a year', () => {
    const policyId = apiBehaviour().CachePolicyId.Ref as string;
    const config = template.Resources[policyId].Properties.CachePolicyConfig;
    expect(config.ParametersInCacheKeyAndForwardedToOrigin.QueryStringsConfig.QueryStringBehavior).toBe('all');
    expect(config.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig.HeaderBehavior).toBe('none'); // Accept is not in the key: format is
    expect(config.MaxTTL).toBe(365 * 24 * 3600);
    expect(config.DefaultTTL).toBe(0); // no Cache-Control from the API = not cached
  });
});

describe('per-version S3 artifacts straight from CloudFront', () => {
  let template: Json;
  beforeAll(() => {
    template = synthEdge('prod').template.toJSON();
  }, 120_000);
  const ofType = (type: string) => Object.entries(template.Resources as Json).filter(([, r]) => (r as Json).Type === type) as [string, Json][];
  const dataBucket = () => ofType('AWS::S3::Bucket').find(([id]) => /^Data[0-9A-F]{8}$/.test(id))![0];

  it('routes /<prefix>/* of every artifact kind to the data bucket through origin access control, cached a year', () => {
    const config = ofType('AWS::CloudFront::Distribution')[0]![1].Properties.DistributionConfig;
    const origin = (config.Origins as Json[]).find((o) => JSON.stringify(o.DomainName).includes(dataBucket()))!;
    expect(origin.OriginAccessControlId).toBeDefined();
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    for (const prefix of ARTIFACT_PREFIXES) {
      const b = (config.CacheBehaviors as Json[]).find((x) => x.PathPattern === `/${prefix}/*`);
      expect(b, prefix).toMatchObject({ TargetOriginId: origin.Id, AllowedMethods: ['GET', 'HEAD'], ViewerProtocolPolicy: 'redirect-to-https', Compress: true });
      const cache = template.Resources[b!.CachePolicyId.Ref].Properties.CachePolicyConfig;
      expect(cache).toMatchObject({ DefaultTTL: 365 * 24 * 3600, MaxTTL: 365 * 24 * 3600 });
      const headers = template.Resources[b!.ResponseHeadersPolicyId.Ref].Properties.ResponseHeadersPolicyConfig;
      expect(headers.CustomHeadersConfig.Items).toEqual([{ Header: 'Cache-Control', Value: IMMUTABLE_CACHE_CONTROL, Override: false }]);
      expect(headers.SecurityHeadersConfig.ContentSecurityPolicy).toBeDefined();
    }
  });

  it('lets CloudFront read exactly the artifact prefixes of the data bucket, and only this distribution', () => {
    const statements = ofType('AWS::S3::BucketPolicy')
      .filter(([, p]) => p.Properties.Bucket.Ref === dataBucket())
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[])
      .filter((st) => JSON.stringify(st.Principal ?? '').includes('cloudfront.amazonaws.com'));
    expect(statements).toHaveLength(1);
    const [st] = statements as [Json];
    expect(st.Action).toBe('s3:GetObject');
    const distribution = ofType('AWS::CloudFront::Distribution')[0]![0];
    expect(JSON.stringify(st.Condition)).toContain(distribution);
    const resources = (st.Resource as Json[]).map((r) => r['Fn::Join'][1][1]);
    expect(resources.sort()).toEqual(ARTIFACT_PREFIXES.map((p) => `/${p}/*`).sort());
  });
});

/** cdk-nag acknowledgements on a construct and its children: id → reason. */
function acknowledged(root: IConstruct): Record<string, string> {
  return Object.fromEntries(
    root.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => [id.replace(/^annotation::/i, ''), reason]))),
  );
}

describe('TLS: custom domain option', () => {
  it('without a domain: the CloudFront certificate, and a CFR4 acknowledgement that says TLS 1.0 is still accepted', () => {
    const s = synthEdge('dev');
    const dist = s.template.findResources('AWS::CloudFront::Distribution');
    const config = (Object.values(dist)[0] as Json).Properties.DistributionConfig;
    expect(config.Aliases).toBeUndefined();
    expect(acknowledged(s.stack.web.distribution)['AwsSolutions-CFR4']).toMatch(/TLS 1\.0.*domainName/);
    expect(s.synthError).toBeNull();
  }, 120_000);

  it('with -c domainName and certificateArn: aliases, the ACM certificate and TLSv1.2_2021; cdk-nag clean without CFR4 acknowledgement', () => {
    const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
    const s = synthEdge('prod', { domainName: 'atlas.example.org', certificateArn });
    const config = (Object.values(s.template.findResources('AWS::CloudFront::Distribution'))[0] as Json).Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['atlas.example.org']);
    expect(config.ViewerCertificate).toEqual({ AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
    expect(acknowledged(s.stack.web.distribution)['AwsSolutions-CFR4']).toBeUndefined();
    expect(s.openFindings).toEqual([]);
    expect(s.synthError).toBeNull();
    const outputs = s.template.findOutputs('*');
    expect(outputs.WebUrl!.Value).toBe('https://atlas.example.org/');
    expect(outputs.PublicApiUrl!.Value).toBe('https://atlas.example.org/v1/');
  }, 120_000);

  it('refuses half a configuration and certificates outside us-east-1', () => {
    expect(() => synthEdge('dev', { domainName: 'atlas.example.org' })).toThrow(/domainName and certificateArn/);
    expect(() => synthEdge('dev', { domainName: 'atlas.example.org', certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b' })).toThrow(/us-east-1/);
  });
});
