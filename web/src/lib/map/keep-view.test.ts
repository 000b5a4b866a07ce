import { describe, expect, it } from 'vitest';
import { keepViewOnResize, type ResizableMap } from './keep-view';

/** A map stub: a box of a given size, the bounds it shows, the events it fires. */
function stubMap() {
  const listeners: Record<string, (() => void)[]> = { moveend: [], resize: [] };
  const fits: unknown[] = [];
  const container = { clientWidth: 900, clientHeight: 800 };
  let bounds: [number, number, number, number] = [-73.5, 41.2, -69.9, 42.9];
  const map: ResizableMap = {
    on: (t, f) => listeners[t]!.push(f),
    off: (t, f) => (listeners[t] = listeners[t]!.filter((g) => g !== f)),
    getBounds: () => bounds,
    getContainer: () => container,
    fitBounds: (b) => fits.push(b),
  };
  const fire = (t: 'moveend' | 'resize') => listeners[t]!.forEach((f) => f());
  return { map, fits, container, fire, setBounds: (b: typeof bounds) => (bounds = b), listeners };
}

describe('keepViewOnResize', () => {
  it('fits the bounds last in view when the box changes size', () => {
    const s = stubMap();
    keepViewOnResize(s.map);
    s.fire('moveend');
    s.setBounds([-72, 41.5, -71, 42.5]); // what a resize alone would show: the sides cut off
    s.container.clientWidth = 690;
    s.fire('resize');
    expect(s.fits).toEqual([[-73.5, 41.2, -69.9, 42.9]]);
  });

  it('does nothing when the size did not change, before the first move, or while hidden', () => {
    const s = stubMap();
    keepViewOnResize(s.map);
    s.container.clientWidth = 700;
    s.fire('resize'); // no view yet
    s.fire('moveend');
    s.fire('resize'); // same size
    s.container.clientWidth = 0;
    s.container.clientHeight = 0;
    s.fire('resize'); // hidden
    expect(s.fits).toEqual([]);
  });

  it('stops listening when told', () => {
    const s = stubMap();
    keepViewOnResize(s.map)();
    expect(s.listeners.moveend).toEqual([]);
    expect(s.listeners.resize).toEqual([]);
  });
});
