/**
 * How a change of the app's state reaches the browser history, so Back and
 * Forward step through what the user did (level, measure, place, comparison,
 * view, filters) while panning and zooming only updates the current entry's
 * position (one Back does not undo fifty drags).
 */
export interface UrlParts {
  /** "?level=…" or "". */
  search: string;
  /** "#zoom/lat/lon" or "". */
  hash: string;
}

export type HistoryStep = 'push' | 'replace' | null;

/**
 * `push` when the state (query) changed and the change is the user's; `replace` when only the
 * position moved, or when the app corrected the URL itself (a link naming an unknown measure):
 * a correction pushed would trap Back on the uncorrected link.
 */
export function historyStep(current: UrlParts, next: UrlParts, userChange: boolean): HistoryStep {
  const norm = (s: string) => (s === '?' || s === '#' ? '' : s);
  const [cs, ns, ch, nh] = [norm(current.search), norm(next.search), norm(current.hash), norm(next.hash)];
  if (cs !== ns) return userChange ? 'push' : 'replace';
  return ch !== nh ? 'replace' : null;
}
