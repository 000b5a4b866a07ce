import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPosition, parsePosition, samePosition } from './map-position';

describe('map position in the URL hash', () => {
  it('reads and writes MapLibre’s #zoom/lat/lon', () => {
    expect(parsePosition('#9.5/42.7071/-71.1631')).toEqual({ zoom: 9.5, lat: 42.7071, lon: -71.1631 });
    expect(formatPosition({ zoom: 9.5, lat: 42.707123456, lon: -71.163123456 })).toBe('#9.5/42.7071/-71.1631');
  });

  it('is coarser when zoomed out (about a pixel)', () => {
    expect(formatPosition({ zoom: 2, lat: 42.123456, lon: -71.123456 })).toBe('#2/42.12/-71.12');
  });

  it('is not a position: other hashes, junk and out-of-range values', () => {
    for (const h of ['', '#', '#map', '#details', '#9/42', '#9/42/-71/3', '#30/42/-71', '#9/95/-71', '#9/42/-200', '#a/b/c', '#9/42/-71<script>']) expect(parsePosition(h), h).toBeNull();
  });

  it('never writes exponent notation for tiny coordinates (found by the property below in CI)', () => {
    const hash = formatPosition({ zoom: 18.423421665653855, lat: 0, lon: 5.0000000000000004e-8 });
    expect(hash).not.toMatch(/e/i);
    expect(parsePosition(hash)).not.toBeNull();
    expect(formatPosition({ zoom: 3, lat: -0.0001, lon: 0 })).toBe('#3/0/0');
  });

  it('round-trips any position to the precision it carries', () => {
    const pos = fc.record({ zoom: fc.double({ min: 0, max: 22, noNaN: true }), lat: fc.double({ min: -85, max: 85, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) });
    fc.assert(
      fc.property(pos, (p) => {
        const back = parsePosition(formatPosition(p));
        expect(back).not.toBeNull();
        expect(samePosition(back, p)).toBe(true);
        expect(Math.abs(back!.zoom - p.zoom)).toBeLessThanOrEqual(0.005);
      }),
    );
  });
});
