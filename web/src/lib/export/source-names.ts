/** Plain names of the API's source ids, for exports people read (a CSV column, the PNG footer). */
const NAMES: Readonly<Record<string, string>> = {
  'places-zcta': 'CDC PLACES 2022 (ZIP code areas)',
  'places-place': 'CDC PLACES 2022 (cities and towns)',
  'places-county': 'CDC PLACES 2022 (counties)',
  'masschip-2010': 'MA DPH MassCHIP health status indicators (2010)',
  'masschip-2005-2008': 'MA DPH MassCHIP town health (births 2005–2008)',
  'ej-blockgroups': 'ACS 2019–2023 block groups (MassEnviroScreen EJ criteria)',
  'acs-zcta-population': 'ACS 2017–2021 ZIP code area population',
  hospitals: 'MassGIS acute-care hospitals',
  'health-centers': 'MassGIS community health centers',
  towns: 'MassGIS 2020 Census towns',
  zctas: 'U.S. Census Bureau ZIP code tabulation areas',
};

/** "CDC PLACES 2022 (ZIP code areas)" for "places-zcta"; an unknown id is shown as it is rather than hidden. */
export const sourceName = (id: string): string => NAMES[id] ?? id;
