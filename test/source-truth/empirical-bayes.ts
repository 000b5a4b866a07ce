/**
 * Marshall's (1991) global empirical-Bayes estimator, written out from the ma-hei-1.1 rules (R2):
 * a unit's value is shrunk toward the prior by w = s² / (s² + within-unit variance).
 */
export const round2 = (x: number) => Math.round(x * 100) / 100;

export interface EbResult { weight: number; smoothed: number }

/** Poisson rates ρᵢ with exposures eᵢ, prior m: s² = Σ eᵢ(ρᵢ − m)² / Σ eᵢ − m / ē (≥ 0), wᵢ = s² / (s² + m / eᵢ). */
export function ebPoisson(units: ReadonlyMap<string, { rate: number; exposure: number }>, m: number): Map<string, EbResult> {
  const list = [...units.values()];
  const sumE = list.reduce((s, u) => s + u.exposure, 0);
  const meanE = sumE / list.length;
  const s2 = Math.max(0, list.reduce((s, u) => s + u.exposure * (u.rate - m) ** 2, 0) / sumE - m / meanE);
  return new Map([...units].map(([id, u]) => {
    const weight = s2 / (s2 + m / u.exposure);
    return [id, { weight, smoothed: weight * u.rate + (1 - weight) * m }];
  }));
}

/** Proportions pᵢ out of nᵢ, prior m: s² = Σ nᵢ(pᵢ − m)² / Σ nᵢ − m(1 − m) / n̄ (≥ 0), wᵢ = s² / (s² + m(1 − m) / nᵢ). */
export function ebBinomial(units: ReadonlyMap<string, { p: number; n: number }>, m: number): Map<string, EbResult> {
  const list = [...units.values()];
  const sumN = list.reduce((s, u) => s + u.n, 0);
  const meanN = sumN / list.length;
  const s2 = Math.max(0, list.reduce((s, u) => s + u.n * (u.p - m) ** 2, 0) / sumN - (m * (1 - m)) / meanN);
  return new Map([...units].map(([id, u]) => {
    const weight = s2 / (s2 + (m * (1 - m)) / u.n);
    return [id, { weight, smoothed: weight * u.p + (1 - weight) * m }];
  }));
}
