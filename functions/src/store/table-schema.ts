/**
 * Single-table layout (docs/storage.md). Shared by the store, local table
 * creation and the CDK stack so the key names cannot drift.
 */
export const TABLE_KEYS = { partition: 'PK', sort: 'SK' } as const;

export const keys = {
  pointer: () => ({ PK: 'POINTER', SK: 'CURRENT' }),
  version: (version: string) => ({ PK: 'VERSIONS', SK: version }),
  placesPartition: (version: string, level: string) => `PLACES#${version}#${level}`,
  place: (version: string, level: string, id: string) => ({ PK: `PLACES#${version}#${level}`, SK: id }),
};
