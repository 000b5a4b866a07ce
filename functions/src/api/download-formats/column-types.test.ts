import { describe, expect, it } from 'vitest';
import { columnTypes, typedCells } from './column-types.js';

describe('download column types', () => {
  it('takes declared types from the dictionary and infers only undeclared columns from their values', () => {
    const rows = [{ id: '01247', x: 1, label: null, ok: true }, { id: '02771', x: 2.5, label: 'a', ok: null }];
    const types = columnTypes(['id', 'x', 'label', 'ok', 'empty'], rows, new Map([['id', 'string']]));
    expect(Object.fromEntries(types)).toEqual({ id: 'string', x: 'number', label: 'string', ok: 'boolean', empty: 'number' });
  });

  it('keeps nulls and refuses a cell that does not fit its type (no silent coercion of "01247" or 2.5)', () => {
    expect(typedCells('id', 'string', [{ id: '01247' }, { id: null }])).toEqual(['01247', null]);
    expect(() => typedCells('id', 'integer', [{ id: '01247' }])).toThrow(/id is declared integer/);
    expect(() => typedCells('rank', 'integer', [{ id: 'a', rank: 2.5 }])).toThrow(/rank .* 2\.5 \(place a\)/);
    expect(() => typedCells('v', 'number', [{ v: Number.NaN }])).toThrow(/declared number/);
  });
});
