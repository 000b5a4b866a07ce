import { describe, expect, it } from 'vitest';
import type { VersionMeta } from '../indices/place-record.js';
import { ProblemError } from './problem.js';
import { resolveVersion } from './version-param.js';

const meta = (version: string) => ({ version, status: 'complete' }) as unknown as VersionMeta;
const reader = {
  requireCurrentVersion: async () => meta('current-1'),
  versionMeta: async (id: string) => (id === 'older-1' || id === 'current-1' ? meta(id) : null),
};

describe('resolveVersion', () => {
  it('answers the current version when nothing is pinned', async () => {
    expect((await resolveVersion(reader)).version).toBe('current-1');
  });

  it('answers the pinned version, older ones included', async () => {
    expect((await resolveVersion(reader, 'older-1')).version).toBe('older-1');
    expect((await resolveVersion(reader, 'current-1')).version).toBe('current-1');
  });

  it('turns an unknown id into a 404 problem pointing to the list of versions', async () => {
    const err = await resolveVersion(reader, 'nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemError);
    expect((err as ProblemError).status).toBe(404);
    expect((err as ProblemError).detail).toBe('No published version "nope"; GET /v1/versions lists them.');
  });

  it('does not fall back to the current version when the store has no such id', async () => {
    let askedCurrent = false;
    const spy = { ...reader, requireCurrentVersion: async () => ((askedCurrent = true), meta('current-1')) };
    await resolveVersion(spy, 'nope').catch(() => {});
    expect(askedCurrent).toBe(false);
  });
});
