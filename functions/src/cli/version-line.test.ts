import { describe, expect, it } from 'vitest';
import type { VersionSummary } from '../store/index-store.js';
import { versionLine } from './version-line.js';

const summary: VersionSummary = { version: 'ma-hei-1.1-20261123T034501Z-1a2b', status: 'complete', pinned: true, createdAt: '2026-11-23T03:45:01.000Z', methodId: 'ma-hei-1.1', counts: { town: 351, zcta: 538 }, schema: 4 };

describe('versionLine (npm run versions)', () => {
  it('stars the current version and shows the content hash prefix and code revision when recorded', () => {
    expect(versionLine({ ...summary, contentSha256: 'd6e2d56eefa26b8af521568e57ec00278f66507555fd150899184a2c2daa8ced', codeRevision: 'code-0123456789abcdef' }, summary.version)).toBe(
      '* ma-hei-1.1-20261123T034501Z-1a2b  complete, pinned  2026-11-23T03:45:01.000Z  content d6e2d56eefa2  code code-0123456789abcdef',
    );
  });

  it('says nothing of provenance for versions published before it was recorded', () => {
    expect(versionLine({ ...summary, pinned: false, contentSha256: null, codeRevision: null }, null)).toBe('  ma-hei-1.1-20261123T034501Z-1a2b  complete  2026-11-23T03:45:01.000Z');
  });
});
