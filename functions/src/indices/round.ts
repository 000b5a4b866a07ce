/** Round to n decimals (percentile ranks use 4, as CDC/ATSDR SVI publishes them). */
export const roundTo = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};
