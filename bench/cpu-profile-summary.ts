#!/usr/bin/env node
/**
 * Where a served request's CPU goes, from a V8 CPU profile of the API server
 * (docs/api-performance.md). Each busy sample is charged to the innermost frame
 * on its stack that belongs to a named part of the request path (a middleware,
 * validation, the route), else to the innermost frame of the layer below
 * (Hono's core, the node-server adapter, web Request/Response objects, Node's
 * HTTP and socket code), else to GC or "other". Module loading is left out.
 *
 *   node --cpu-prof --cpu-prof-dir=prof --import tsx server.ts   # under autocannon load, then stop it
 *   npx tsx bench/cpu-profile-summary.ts prof/CPU.*.cpuprofile [requests served]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Parts of the request path, most specific first; a sample goes to the innermost frame that matches one. */
const PARTS: [string, RegExp][] = [
  ['request id (hono/request-id + randomUUID)', /request-id|randomUUID/],
  ['method-not-allowed (router re-match)', /method-not-allowed/],
  ['ETag middleware (http-cache.ts)', /http-cache/],
  ['compression', /middleware\/compress|compress-answers|CompressionStream|zlib/],
  ['CORS', /middleware\/cors|api-cors/],
  ['body limit', /body-limit/],
  ['security headers', /security-headers/],
  ['zod-openapi validation', /zod|validator/],
  ['route handler + response cache', /api\/routes\/|response-cache|index-reader/],
];
/** The layers below, when no part of the request path is on the stack. */
const LAYERS: [string, RegExp][] = [
  ['Hono core (compose, router, context)', /hono\/dist/],
  ['node-server adapter', /node-server\/dist/],
  ['GC', /^\(garbage collector\)/],
  ['Node HTTP + socket writes', /node:_http|node:net|node:stream|^writev|node:internal\/streams|node:internal\/stream_base/],
  ['web Request/Response/Headers (undici)', /undici|abort_controller|webstreams|js_transferable|encoding/],
];
const LOADING = /node:internal\/modules|tsx\/dist|esbuild|cjs\/loader|compileSourceTextModule/;

export function summarise(profile: CpuProfile): { busyUs: number; parts: Map<string, number> } {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const parts = new Map<string, number>();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const stack: string[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = nodes.get(cur)!.callFrame;
      stack.push(`${f.functionName || '(anonymous)'} ${f.url}`);
    }
    if (stack[0]!.startsWith('(idle)') || stack.some((l) => LOADING.test(l))) continue;
    busyUs += us;
    const match = (table: [string, RegExp][]) => {
      for (const frame of stack) for (const [name, re] of table) if (re.test(frame)) return name;
      return undefined;
    };
    const name = match(PARTS) ?? match(LAYERS) ?? 'other (microtasks, promise jobs, program)';
    parts.set(name, (parts.get(name) ?? 0) + us);
  }
  return { busyUs, parts };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [file, requests] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpu-profile-summary.ts <file.cpuprofile> [requests served]');
  const { busyUs, parts } = summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const n = Number(requests) || 0;
  console.log(`busy ${(busyUs / 1000).toFixed(0)} ms${n ? `, ${n} requests: ${(busyUs / n).toFixed(0)} µs a request` : ''}`);
  for (const [name, us] of [...parts].sort((a, b) => b[1] - a[1])) {
    console.log(`${((100 * us) / busyUs).toFixed(1).padStart(5)} %${n ? ` ${(us / n).toFixed(1).padStart(6)} µs` : ''}  ${name}`);
  }
}
