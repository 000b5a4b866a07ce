import type { VersionSummary } from '../store/index-store.js';

/** One version per line, the current one starred: `* <id>  complete, pinned  <createdAt>`. */
export function versionLine(v: VersionSummary, current: string | null): string {
  return `${v.version === current ? '*' : ' '} ${v.version}  ${v.status}${v.pinned ? ', pinned' : ''}  ${v.createdAt}`;
}
