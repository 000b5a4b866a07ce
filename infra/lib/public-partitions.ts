import { keys } from '../../functions/src/store/table-schema.js';

/**
 * Partition keys the public API reads (IAM `dynamodb:LeadingKeys` patterns):
 * the version pointer, version records, places of every version and the
 * investments list — taken from the store's own key functions, `*` standing
 * for a version and level. Audit trails, idempotency records and the seed
 * marker are not among them.
 */
export const PUBLIC_READ_PARTITIONS: string[] = [keys.pointer().PK, keys.version('').PK, keys.placesPartition('*', '').replace(/#$/, ''), keys.investmentsPartition()];
