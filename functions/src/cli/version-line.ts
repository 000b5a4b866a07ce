import type { VersionSummary } from '../store/index-store.js';

/** One version per line, the current one starred: `* <id>  complete, pinned  <createdAt>  content <sha256 prefix>  code <revision>`. */
export function versionLine(v: VersionSummary, current: string | null): string {
  const provenance = `${v.contentSha256 ? `  content ${v.contentSha256.slice(0, 12)}` : ''}${v.codeRevision ? `  code ${v.codeRevision}` : ''}`;
  return `${v.version === current ? '*' : ' '} ${v.version}  ${v.status}${v.pinned ? ', pinned' : ''}  ${v.createdAt}${provenance}`;
}
