import type { SourceProblem } from './source-problem.js';

/** Record a problem when a source does not have the number of records its publisher documents. */
export function checkCount(problems: SourceProblem[], file: string, what: string, actual: number, expected: number): void {
  if (actual !== expected) problems.push({ file, message: `expected ${expected} ${what}, found ${actual}` });
}

/** Record a problem for every repeated id; `rowOf` maps an item index to its row number. */
export function checkUnique(problems: SourceProblem[], file: string, column: string, ids: string[], rowOf = (i: number) => i + 1): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined) problems.push({ file, row: rowOf(i), column, message: `duplicate id "${id}" (first at row ${rowOf(first)})` });
    else seen.set(id, i);
  });
}
