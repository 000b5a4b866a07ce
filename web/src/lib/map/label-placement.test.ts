import { describe, expect, it } from 'vitest';
import { candidateBoxes, overlaps, placeBoxes, type Rect } from './label-placement';

const at = (x: number, y: number) => ({ anchor: { x, y }, boxes: candidateBoxes({ x, y }, size) });

const bounds: Rect = { x: 0, y: 0, w: 200, h: 100 };
const size = { w: 40, h: 10 };

describe('label placement', () => {
  it('every candidate box keeps its anchor inside it', () => {
    for (const b of candidateBoxes({ x: 50, y: 50 }, size)) {
      expect(50).toBeGreaterThanOrEqual(b.x);
      expect(50).toBeLessThanOrEqual(b.x + b.w);
      expect(50).toBeGreaterThanOrEqual(b.y);
      expect(50).toBeLessThanOrEqual(b.y + b.h);
    }
  });

  it('centres a lone label on its point', () => {
    expect(placeBoxes([at(100, 50)], bounds)[0]).toEqual({ x: 80, y: 45, w: 40, h: 10 });
  });

  it('places three labels whose points are closer than a label is wide, none covering another, each over its point', () => {
    // Lowell, Lawrence and Ayer on a phone: points 9 to 15 px apart, labels 40 px wide.
    const labels = [at(100, 50), at(109, 45), at(85, 55)];
    const placed = placeBoxes(labels, bounds);
    expect(placed.every(Boolean)).toBe(true);
    for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) expect(overlaps(placed[i]!, placed[j]!)).toBe(false);
  });

  it('drops a label with no free box instead of pushing it off its place, and keeps labels inside the bounds', () => {
    const crowd = Array.from({ length: 8 }, () => at(100, 50));
    const placed = placeBoxes(crowd, bounds);
    expect(placed.filter(Boolean).length).toBe(1); // the first covers the shared point: no other box can avoid it
    expect(placeBoxes([at(5, 50)], bounds)[0]!.x).toBe(4); // the right-hanging box fits, the centred one does not
    expect(placeBoxes([at(250, 50)], bounds)[0]).toBeNull();
  });

  it('respects boxes taken before (obstacles)', () => {
    const obstacle: Rect = { x: 0, y: 0, w: 200, h: 100 };
    expect(placeBoxes([at(100, 50)], bounds, [obstacle])[0]).toBeNull();
  });
});
