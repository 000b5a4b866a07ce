import { describe, expect, it } from 'vitest';
import { ProblemError } from './problem.js';
import { selectColumns } from './column-selection.js';

const AVAILABLE = ['id', 'name', 'value', 'se'];
const DICT = '/v1/versions/v1/dictionary';

describe('selectColumns', () => {
  it('returns every column without the parameter, else the named ones in the caller\'s order without repeats', () => {
    expect(selectColumns(undefined, AVAILABLE, DICT)).toEqual(AVAILABLE);
    expect(selectColumns('se, id,se', AVAILABLE, DICT)).toEqual(['se', 'id']);
  });

  it('refuses unknown names with a 400 problem naming each and pointing at the dictionary', () => {
    const err = (() => {
      try {
        selectColumns('id,obesity_se,Name', AVAILABLE, DICT);
      } catch (e) {
        return e as ProblemError;
      }
      throw new Error('expected a problem');
    })();
    expect(err).toBeInstanceOf(ProblemError);
    expect(err.status).toBe(400);
    expect(err.detail).toContain('"obesity_se", "Name"');
    expect(err.detail).toContain(DICT);
    expect(err.extensions.errors).toEqual([
      { path: 'columns', message: 'unknown column "obesity_se"' },
      { path: 'columns', message: 'unknown column "Name"' },
    ]);
  });

  it('refuses an empty list rather than sending a file without columns', () => {
    expect(() => selectColumns(' , ', AVAILABLE, DICT)).toThrow(/at least one column/);
  });
});
