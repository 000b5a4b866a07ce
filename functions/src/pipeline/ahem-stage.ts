import type { PlaceRecord } from '../indices/place-record.js';
import { parseAhemCommunities } from '../sources/ahem-communities.js';
import { parseAhemInvestments } from '../sources/ahem-investments.js';
import type { PriorityConfig } from '../sources/priority-geographies-config.js';
import { readSource, type SourceEntry } from '../sources/source-manifest.js';
import type { Town } from '../sources/towns.js';
import type { InvestmentFields } from '../store/investment-store.js';
import { buildPriorityGeographies, type PriorityGeographyCollection } from './priority-geographies-stage.js';
import { seedInvestments } from './seed-investments.js';

export interface AhemOutputs {
  geographies: PriorityGeographyCollection;
  /** Records to load into an empty investment store (first run only). */
  investments: { id: string; fields: InvestmentFields }[];
  investmentsSha256: string;
}

/**
 * AHEM stage, after the town index and before anything is written: read the
 * curated AHEM files (checksummed like every source), derive the priority
 * geographies and prepare the investment seed. Any problem throws here, so a
 * bad configuration never publishes a version.
 */
export function prepareAhem(input: {
  dataDir: string;
  manifest: SourceEntry[];
  version: string;
  towns: readonly Town[];
  townsForMap: readonly Town[];
  townPlaces: readonly PlaceRecord[];
  config: PriorityConfig;
}): AhemOutputs {
  const communitiesFile = readSource(input.dataDir, 'ahem-communities', input.manifest);
  const investmentsFile = readSource(input.dataDir, 'ahem-investments', input.manifest);
  const communities = parseAhemCommunities(communitiesFile.bytes, communitiesFile.entry.path);
  const rows = parseAhemInvestments(investmentsFile.bytes, investmentsFile.entry.path);
  return {
    geographies: buildPriorityGeographies({ version: input.version, towns: input.towns, townsForMap: input.townsForMap, townPlaces: input.townPlaces, config: input.config, communities }),
    investments: seedInvestments(rows, input.towns, investmentsFile.entry.path),
    investmentsSha256: investmentsFile.entry.sha256,
  };
}
