/**
 * Block-group population recovered from the EJ source (docs/method.md §2).
 *
 * The EJ file has no total-population column, so a block group's population is
 * recovered as minority count ÷ minority share. Where that is impossible (no
 * minority residents, or no population at all) the population is unknown
 * (null) and callers leave the block group out — never guessed.
 */
export interface EjBlockGroupInput {
  minorityCount: number;
  minorityPercent: number | null;
}

export function recoverPopulation(bg: EjBlockGroupInput): number | null {
  if (bg.minorityPercent === null || bg.minorityPercent <= 0) return null;
  return bg.minorityCount / (bg.minorityPercent / 100);
}
