import type { Bbox } from './geometry-utils';

/**
 * Zooming to a place keeps its neighbours in view: the place's box grows by
 * `CONTEXT` of its size on every side (so it fills about a third of the view)
 * and the zoom stops at `MAX_PLACE_ZOOM`, where a small town is still seen among
 * the towns around it. Planners compare a place with its surroundings; a view
 * filled by one polygon answers nothing.
 */
export const CONTEXT = 1;
export const MAX_PLACE_ZOOM = 10.5;
/** Geographies of several towns are large already: less margin. */
export const GEOGRAPHY_CONTEXT = 0.25;

export function contextBounds(b: Bbox, context = CONTEXT): Bbox {
  const dx = (b[2] - b[0]) * context;
  const dy = (b[3] - b[1]) * context;
  return [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
}
