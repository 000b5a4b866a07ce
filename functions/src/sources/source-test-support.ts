import { readFileSync } from 'node:fs';
import { SourceValidationError, type SourceProblem } from './source-problem.js';

/** Read a small real extract from ./fixtures (tests only). */
export const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Run a loader that must reject its input and return the problems it reported (tests only). */
export function problemsOf(work: () => unknown): SourceProblem[] {
  try {
    work();
  } catch (err) {
    if (err instanceof SourceValidationError) return err.problems;
    throw err;
  }
  throw new Error('expected a SourceValidationError');
}
