import { keys } from '../../functions/src/store/table-schema.js';

/**
 * Partition keys the JWT-guarded API may write (IAM `dynamodb:LeadingKeys`
 * patterns): investments, their audit trail and idempotency records — taken
 * from the store's own key functions, `*` standing for an id.
 */
export const INVESTMENT_PARTITIONS: string[] = [keys.investmentsPartition(), keys.auditPartition('*'), keys.idempotency('*').PK];
