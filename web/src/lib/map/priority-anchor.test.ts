import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import type { PriorityMember } from '../api';
import { namedMember, priorityAnchor } from './priority-anchor';

// Synthetic members and squares (test fixture).
const member = (id: string, name: string, role: PriorityMember['role']): PriorityMember => ({ id, name, role, rank: null, percentile: null, score: null, flagCount: 0, adjacentTo: [], population: null });
const square = (x: number, s: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + s, 0], [x + s, s], [x, s], [x, 0]]] });

describe('priority label anchor', () => {
  it('finds the town a geography is named for, by whole word, whatever the role order', () => {
    const members = [member('m', 'Methuen', 'adjacent'), member('l', 'Lawrence', 'configured')];
    expect(namedMember({ name: 'Lawrence', members })?.id).toBe('l');
    expect(namedMember({ name: 'Ayer (Nashoba Valley)', members: [member('s', 'Shirley', 'adjacent'), member('a', 'Ayer', 'configured')] })?.id).toBe('a');
    expect(namedMember({ name: 'Westfield', members: [member('w', 'West', 'seed')] })).toBeUndefined();
    expect(namedMember({ name: 'North Adams', members: [member('n', 'North Adams', 'seed'), member('x', 'North', 'adjacent')] })?.id).toBe('n');
  });

  it('hangs the label inside the named town, not at the centre of the whole geography', () => {
    // Methuen (big, west) and Lawrence (small, east): the geography's centre lies in Methuen.
    const geometry: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [12, 0], [12, 2], [0, 2], [0, 0]]] };
    const shapes: Record<string, Polygon> = { m: square(0, 10), l: square(10, 2) };
    const properties = { name: 'Lawrence', members: [member('m', 'Methuen', 'adjacent'), member('l', 'Lawrence', 'configured')] };
    expect(priorityAnchor({ geometry, properties }, (id) => shapes[id])).toEqual([11, 1]);
    // No shape for the town (its level not loaded): inside the geography.
    expect(priorityAnchor({ geometry, properties }, () => undefined)).toEqual([6, 1]);
  });
});
