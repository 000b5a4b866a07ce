/** A problem found while loading a source: returned as data, thrown together so nothing is published. */
export interface SourceProblem {
  file: string;
  /** 1-based line in a CSV (header = 1) or 1-based feature number in a GeoJSON file. */
  row?: number;
  column?: string;
  message: string;
  /** For a geometry problem: the coordinates at fault (also in the message). */
  coordinates?: number[];
}

export function formatProblem(p: SourceProblem): string {
  const where = [p.file, p.row !== undefined ? `row ${p.row}` : undefined, p.column ? `column ${p.column}` : undefined]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}`;
}

export class SourceValidationError extends Error {
  readonly problems: SourceProblem[];
  constructor(problems: SourceProblem[]) {
    const shown = problems.slice(0, 10).map(formatProblem);
    const more = problems.length > 10 ? `\n  … and ${problems.length - 10} more` : '';
    super(`Source data is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was published:\n  ${shown.join('\n  ')}${more}`);
    this.name = 'SourceValidationError';
    this.problems = problems;
  }
}

/** Throw when any problem was collected. */
export function assertNoProblems(problems: SourceProblem[]): void {
  if (problems.length > 0) throw new SourceValidationError(problems);
}
