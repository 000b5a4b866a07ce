/**
 * The CDC/ATSDR Social Vulnerability Index variable sets, by vintage.
 *
 * Each variable is ranked on its `EP_<id>` column (a percentage, or for 2018
 * PCI the per capita income in dollars) into `EPL_<id>`. Themes and their order
 * follow the CDC/ATSDR SVI 2018 documentation (15 variables, 4 themes) and the
 * SVI 2022 documentation (16 variables; LIMENG moved to theme 2, theme 3 is
 * minority status alone):
 *   https://www.atsdr.cdc.gov/placeandhealth/svi/documentation/SVI_documentation_2018.html
 *   https://www.atsdr.cdc.gov/placeandhealth/svi/documentation/SVI_documentation_2022.html
 * See docs/svi-reproduction.md.
 */
export interface SviVariable {
  /** Suffix of the `EP_*` input and `EPL_*` output columns, e.g. "POV". */
  id: string;
  /**
   * True when a higher value means *less* vulnerable (2018 per capita income):
   * the percentile rank is inverted, EPL = 1 − rank.
   */
  inverted?: boolean;
}

export interface SviMethod {
  id: SviMethodId;
  label: string;
  /** Themes 1–4 in order; RPL_THEME1 ranks the sum of themes[0]'s EPL values. */
  themes: readonly [readonly SviVariable[], readonly SviVariable[], readonly SviVariable[], readonly SviVariable[]];
}

export type SviMethodId = 'svi2018' | 'svi2022';

const v = (...ids: string[]): SviVariable[] => ids.map((id) => ({ id }));

export const SVI_METHODS: Readonly<Record<SviMethodId, SviMethod>> = {
  svi2018: {
    id: 'svi2018',
    label: 'CDC/ATSDR SVI 2018 (ACS 2014–2018), 15 variables',
    themes: [
      [...v('POV', 'UNEMP'), { id: 'PCI', inverted: true }, ...v('NOHSDP')],
      v('AGE65', 'AGE17', 'DISABL', 'SNGPNT'),
      v('MINRTY', 'LIMENG'),
      v('MUNIT', 'MOBILE', 'CROWD', 'NOVEH', 'GROUPQ'),
    ],
  },
  svi2022: {
    id: 'svi2022',
    label: 'CDC/ATSDR SVI 2022 (ACS 2018–2022), 16 variables',
    themes: [
      v('POV150', 'UNEMP', 'HBURD', 'NOHSDP', 'UNINSUR'),
      v('AGE65', 'AGE17', 'DISABL', 'SNGPNT', 'LIMENG'),
      v('MINRTY'),
      v('MUNIT', 'MOBILE', 'CROWD', 'NOVEH', 'GROUPQ'),
    ],
  },
};

export const SVI_METHOD_IDS = Object.keys(SVI_METHODS) as SviMethodId[];

/** Look a method up by id; an unknown id throws an Error naming the argument and the choices. */
export function sviMethod(id: string): SviMethod {
  if (!Object.hasOwn(SVI_METHODS, id)) {
    throw new Error(`method: unknown SVI method "${id}"; expected one of ${SVI_METHOD_IDS.join(', ')}`);
  }
  return SVI_METHODS[id as SviMethodId];
}

/** Every variable of a method, theme by theme. */
export function sviVariables(method: SviMethod): SviVariable[] {
  return method.themes.flat();
}
