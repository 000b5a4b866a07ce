/** CDC/ATSDR SVI files write "no data" as -999. */
export const SVI_MISSING = -999;

/**
 * Write an SVI value the way the published CSVs do: at most 4 decimals with
 * trailing zeros dropped ("0.412", "1", "0"), and -999 for "no data".
 * Values are expected already rounded (see roundSvi); this only formats.
 */
export function formatSviValue(value: number | null): string {
  if (value === null) return String(SVI_MISSING);
  return String(Number(value.toFixed(4)));
}
