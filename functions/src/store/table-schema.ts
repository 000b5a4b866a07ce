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
  // Investments are live data, not versioned with the index (docs/storage.md).
  investmentsPartition: () => 'INVESTMENTS',
  investment: (id: string) => ({ PK: 'INVESTMENTS', SK: id }),
  auditPartition: (id: string) => `AUDIT#INVESTMENT#${id}`,
  /** Zero-padded so the audit trail sorts by version. */
  audit: (id: string, version: number) => ({ PK: `AUDIT#INVESTMENT#${id}`, SK: String(version).padStart(8, '0') }),
  idempotency: (key: string) => ({ PK: `IDEMPOTENCY#${key}`, SK: 'POST /v1/investments' }),
  investmentSeed: () => ({ PK: 'SEED', SK: 'INVESTMENTS' }),
};
