import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../sources/indicator-registry-file.js';
import { loadPriorityConfig } from '../sources/priority-geographies-config.js';
import { loadManifest } from '../sources/source-manifest.js';
import { changedSince, runInputs, UNKNOWN_REVISION } from './run-inputs.js';

const manifest = loadManifest();
const registry = loadRegistry();
const config = loadPriorityConfig();
const inputs = runInputs(manifest, registry, config, 0, 'abc123');
const calendar = { today: '2026-11-30', statusChangeDates: ['2025-08-31', '2024-11-05'] };
const current = { inputs, asOf: '2026-11-01' };

describe('runInputs', () => {
  it('records every source checksum, the method id and a hash that ignores key order', () => {
    expect(Object.keys(inputs.sources)).toHaveLength(manifest.length);
    expect(inputs.sources[manifest[0]!.id]).toBe(manifest[0]!.sha256);
    expect(inputs.methodId).toBe(registry.method.id);
    expect(inputs.methodSha256).toMatch(/^[0-9a-f]{64}$/);
    const reordered = { ...registry, method: Object.fromEntries(Object.entries(registry.method).reverse()) as typeof registry.method };
    expect(runInputs([...manifest].reverse(), reordered, config, 0, 'abc123')).toEqual(inputs);
  });
});

describe('changedSince', () => {
  it('is null (unchanged) when sources, method, code and the hospital calendar match', () => {
    expect(changedSince(current, runInputs(manifest, registry, config, 0, 'abc123'), calendar)).toBeNull();
  });

  it('names what changed', () => {
    expect(changedSince(null, inputs, calendar)).toBe('no published version yet');
    expect(changedSince({ asOf: '2026-11-01' }, inputs, calendar)).toMatch(/records no inputs/);
    expect(changedSince(current, { ...inputs, codeRevision: 'def456' }, calendar)).toBe('code abc123 → def456');
    const weights = { ...registry, method: { ...registry.method, monteCarlo: { ...registry.method.monteCarlo, draws: registry.method.monteCarlo.draws + 1 } } };
    expect(changedSince(current, runInputs(manifest, weights, config, 0, 'abc123'), calendar)).toMatch(/^method ma-hei/);
    expect(changedSince(current, runInputs(manifest, registry, config, 200, 'abc123'), calendar)).toMatch(/^method/); // draws
    const moved = manifest.map((s, i) => (i === 2 ? { ...s, sha256: '0'.repeat(64) } : s));
    expect(changedSince(current, runInputs(moved, registry, config, 0, 'abc123'), calendar)).toBe(`sources changed: ${manifest[2]!.id}`);
    expect(changedSince(current, runInputs(manifest.slice(1), registry, config, 0, 'abc123'), calendar)).toBe(`sources changed: ${manifest[0]!.id}`);
  });

  it('never calls an unknown code revision unchanged', () => {
    const unknown = runInputs(manifest, registry, config, 0, UNKNOWN_REVISION);
    expect(changedSince({ inputs: unknown, asOf: '2026-11-01' }, unknown, calendar)).toMatch(/code revision is unknown/);
  });

  it('sees a hospital closure that took effect after the current version’s date (the index is as of the run day)', () => {
    expect(changedSince(current, inputs, { today: '2026-12-02', statusChangeDates: [...calendar.statusChangeDates, '2026-12-01'] })).toMatch(/took effect on 2026-12-01/);
    // Not yet in effect today, or already in effect for the current version: unchanged.
    expect(changedSince(current, inputs, { today: '2026-11-30', statusChangeDates: ['2026-12-01'] })).toBeNull();
    expect(changedSince(current, inputs, { today: '2026-11-30', statusChangeDates: ['2026-11-01'] })).toBeNull();
  });
});
