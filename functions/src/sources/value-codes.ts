/**
 * Ranges and sentinel codes for numeric source values (docs/method.md "Input checks").
 * A sentinel is a code, not a number: -999 (missing in MassCHIP-style extracts and
 * SVI), the ACS annotation codes (-666666666 …) and the ACS top-code 250001
 * ("$250,000 or more", median household income only). A loader either maps a code
 * to its documented meaning (SVI -999 → no data, income 250001 → top-coded) or
 * rejects it with file, row and column; it is never ranked as a number.
 */

/** Inclusive bounds for a value; `integer` for counts. */
export interface ValueRange {
  min: number;
  max: number;
  integer?: boolean;
}

export const PERCENT: ValueRange = { min: 0, max: 100 };
export const NON_NEGATIVE: ValueRange = { min: 0, max: Infinity };
export const COUNT: ValueRange = { min: 0, max: Infinity, integer: true };

/** ACS median household income top-code: "$250,000 or more" is printed as 250,001. */
export const ACS_INCOME_TOP_CODE = 250_001;

/** Known codes (ACS: census.gov "Notes on ACS estimate and annotation values"). */
export const VALUE_CODES: ReadonlyMap<number, string> = new Map([
  [-999, 'the missing-data code -999'],
  [-666666666, 'the ACS code -666666666 ("estimate could not be computed")'],
  [-888888888, 'the ACS code -888888888 ("not applicable")'],
  [-999999999, 'the ACS code -999999999 ("too few sample observations")'],
  [-555555555, 'the ACS code -555555555 ("controlled estimate, no sampling error")'],
  [-333333333, 'the ACS code -333333333 ("median in an open-ended interval")'],
  [-222222222, 'the ACS code -222222222 ("too few sample observations")'],
  [ACS_INCOME_TOP_CODE, 'the ACS top-code 250001 ("$250,000 or more"), allowed only in a median household income column'],
]);

export const describeRange = (r: ValueRange) =>
  `${r.integer ? 'a whole number ' : ''}${r.max === Infinity ? `≥ ${r.min}` : `from ${r.min} to ${r.max}`}`;

/**
 * Why `value` is not acceptable in a column with `range`, or null when it is.
 * `topCode` names the one code this column documents (kept as a value and noted downstream).
 */
export function valueProblem(value: number, range: ValueRange, options: { topCode?: number } = {}): string | null {
  if (!Number.isFinite(value)) return `expected a finite number, got ${value}`;
  if (options.topCode !== undefined && value === options.topCode) return null;
  const code = VALUE_CODES.get(value);
  if (code !== undefined) return `${value} is ${code}, not a value`;
  if (value < range.min || value > range.max || (range.integer && !Number.isInteger(value))) return `${value} is out of range: expected ${describeRange(range)}`;
  return null;
}
