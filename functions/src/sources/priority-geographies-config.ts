import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../config.js';
import type { ConfiguredGeography, DeriveOptions } from '../indices/priority-derivation.js';
import { SourceValidationError } from './source-problem.js';
import { TOWN_ID } from './towns.js';

/** The configurable list of AHEM priority geographies (replace it with the official list: a config edit). */
export const PRIORITY_CONFIG_PATH = path.join(REPO_ROOT, 'data', 'priority-geographies.json');

const Geography = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lower-case slug'),
    name: z.string().min(1),
    status: z.enum(['confirmed', 'derived']),
    members: z.array(z.string().regex(TOWN_ID, 'expected a 10-digit town GEOID')).min(1),
    sourceUrl: z.url().nullable().default(null),
    notes: z.string().default(''),
  })
  .refine((g) => g.status !== 'confirmed' || g.sourceUrl !== null, { message: 'a confirmed geography needs its public sourceUrl', path: ['sourceUrl'] });

const PriorityConfig = z.object({
  derive: z.object({
    targetGeographies: z.number().int().min(1),
    targetMunicipalities: z.number().int().min(1),
    maxMembersPerGeography: z.number().int().min(1),
    minPercentile: z.number().min(0).max(100),
    growConfirmed: z.boolean(),
  }),
  geographies: z.array(Geography),
});

export interface PriorityConfig {
  derive: DeriveOptions;
  geographies: ConfiguredGeography[];
}

export function parsePriorityConfig(text: string, file = 'data/priority-geographies.json'): PriorityConfig {
  const parsed = PriorityConfig.safeParse(JSON.parse(text));
  if (!parsed.success) throw new SourceValidationError(parsed.error.issues.map((i) => ({ file, column: i.path.join('.'), message: i.message })));
  const ids = parsed.data.geographies.map((g) => g.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new SourceValidationError([{ file, column: 'geographies.id', message: `duplicate geography id "${dup}"` }]);
  return parsed.data;
}

export function loadPriorityConfig(file = PRIORITY_CONFIG_PATH): PriorityConfig {
  return parsePriorityConfig(readFileSync(file, 'utf8'), path.relative(REPO_ROOT, file));
}
