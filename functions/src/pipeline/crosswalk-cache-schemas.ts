import { z } from 'zod';
import type { AreaCrosswalk } from '../geo/zcta-town-crosswalk.js';
import type { BlockGroupOverlay } from '../geo/block-group-overlay.js';

/** Shapes of cached overlay results: an entry that does not match is treated as corrupt and recomputed. */
const fraction = z.number().min(0).max(1 + 1e-9);

const AreaCrosswalkSchema = z.object({
  rows: z.array(z.object({ zcta: z.string(), town: z.string(), intersectionM2: z.number().positive(), fracOfZcta: fraction, fracOfTown: fraction })).min(1),
  exceptions: z.array(z.object({ zcta: z.string(), sum: z.number() })),
  townExceptions: z.array(z.object({ town: z.string(), sum: z.number() })),
});

const BlockGroupOverlaySchema = z.object({
  pieces: z.array(z.object({ blockGroup: z.string(), zcta: z.string(), town: z.string(), areaM2: z.number().positive() })).min(1),
  blockGroups: z.array(z.object({ id: z.string(), areaM2: z.number().nonnegative() })).min(1),
});

export const parseCachedAreaCrosswalk = (json: unknown): AreaCrosswalk => AreaCrosswalkSchema.parse(json);
export const parseCachedBlockGroupOverlay = (json: unknown): BlockGroupOverlay => BlockGroupOverlaySchema.parse(json);
