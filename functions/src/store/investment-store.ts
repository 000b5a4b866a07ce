/**
 * Place-based investments (grants) and their audit trail. Live data, edited by
 * admins: not versioned with the index (docs/storage.md).
 */

export interface UnmappedPlace {
  /** As announced, e.g. "Devens". */
  name: string;
  /** Why it has no town GEOID. */
  note: string;
}

/** What an admin writes (POST/PUT) and what the seed loads. */
export interface InvestmentFields {
  funder: string;
  grantee: string;
  /** null = "not published": never filled in or estimated. */
  amountUsd: number | null;
  amountNote: string;
  /** ISO 8601 date at the precision published (YYYY-MM-DD or YYYY-MM); seeded rows use the announcement date. */
  startDate: string;
  durationYears: number | null;
  /** Years the published amount covers (e.g. 1 for "year 1 of a 2-year grant"); absent or null = the whole duration. */
  amountYears?: number | null;
  /** Town GEOIDs (10 digits). */
  municipalities: string[];
  /** Named places that are not one of the 351 municipalities. */
  unmappedPlaces: UnmappedPlace[];
  focus: string;
  ahemLink: 'confirmed' | 'unconfirmed';
  sourceUrl: string;
}

export interface Investment extends InvestmentFields {
  id: string;
  /** Incremented by every change; the ETag and If-Match value. */
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Soft delete: the record stays (and its audit trail) but is no longer listed. */
  deletedAt: string | null;
  deletedBy: string | null;
}

export interface AuditEntry {
  investmentId: string;
  /** The record's version after this change. */
  version: number;
  action: 'seed' | 'create' | 'update' | 'delete';
  who: string;
  at: string;
  before: Investment | null;
  after: Investment;
}

export interface CreateOptions {
  who: string;
  /** Idempotency-Key with a fingerprint of the request body: a retry returns the first response. */
  idempotency?: { key: string; fingerprint: string };
}

export interface InvestmentStore {
  /** Every record, soft-deleted ones included (callers filter), sorted by id. */
  list(): Promise<Investment[]>;
  get(id: string): Promise<Investment | null>;
  create(fields: InvestmentFields, options: CreateOptions): Promise<{ investment: Investment; replayed: boolean }>;
  /** Replace the editable fields, only if the record is still at `expectedVersion`. */
  /** `expectedVersion` null = any current version (If-Match: *). */
  update(id: string, fields: InvestmentFields, expectedVersion: number | null, who: string): Promise<Investment>;
  /** Soft delete; `expectedVersion` null = whatever the current version is. */
  softDelete(id: string, expectedVersion: number | null, who: string): Promise<Investment>;
  audit(id: string): Promise<AuditEntry[]>;
  /** Load records once (first run): no-op when the seed marker exists. Returns how many were written. */
  seed(records: { id: string; fields: InvestmentFields }[], source: { sha256: string }, who: string): Promise<number>;
}

export class InvestmentNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`investment ${id} does not exist or was deleted`);
    this.name = 'InvestmentNotFoundError';
  }
}

/** The record moved on since the version the client read: nothing was changed. */
export class StaleInvestmentError extends Error {
  constructor(readonly id: string, readonly expected: number, readonly current: number) {
    super(`investment ${id} is at version ${current}, not ${expected}: re-read it and apply your change again`);
    this.name = 'StaleInvestmentError';
  }
}

/** The same Idempotency-Key was used with a different request body. */
export class IdempotencyKeyReuseError extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key "${key}" was already used for a different request body`);
    this.name = 'IdempotencyKeyReuseError';
  }
}
