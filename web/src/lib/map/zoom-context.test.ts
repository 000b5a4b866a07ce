import { describe, expect, it } from 'vitest';
import { contextBounds, CONTEXT } from './zoom-context';

describe('zoom with context', () => {
  it('grows the box by its size on each side, around the same centre', () => {
    const b = contextBounds([-71.2, 42.6, -71.1, 42.7]);
    expect(b[0]).toBeCloseTo(-71.2 - 0.1 * CONTEXT);
    expect(b[3]).toBeCloseTo(42.7 + 0.1 * CONTEXT);
    expect((b[0] + b[2]) / 2).toBeCloseTo(-71.15);
    expect((b[1] + b[3]) / 2).toBeCloseTo(42.65);
  });
  it('keeps a point a point (the zoom cap then decides)', () => {
    expect(contextBounds([-71, 42, -71, 42])).toEqual([-71, 42, -71, 42]);
  });
});
