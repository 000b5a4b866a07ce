import { IdempotencyKeyReuseError, InvestmentNotFoundError, StaleInvestmentError, type InvestmentStore } from '../store/investment-store.js';
import { problems } from './problem.js';

/** The store's own answers (404, 412, 422 in api/routes/investments.ts): a healthy store said no. */
const DOMAIN_ERRORS = [InvestmentNotFoundError, StaleInvestmentError, IdempotencyKeyReuseError];

/**
 * The investment store as the API sees it: any failure that is not one of the
 * store's domain answers (a timeout, a refused connection, a DynamoDB error
 * after the SDK's retries) becomes the 503 store-unavailable problem, with the
 * cause kept for the error log — as IndexReader does for the index store.
 * One wrapper, so every investment route gets it without a try in each.
 */
export function guardInvestmentStore(store: InvestmentStore): InvestmentStore {
  const guard =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await method.apply(store, args);
      } catch (err) {
        if (DOMAIN_ERRORS.some((type) => err instanceof type)) throw err;
        throw Object.assign(problems.storeUnavailable(), { cause: err });
      }
    };
  return {
    list: guard(store.list),
    get: guard(store.get),
    create: guard(store.create),
    update: guard(store.update),
    softDelete: guard(store.softDelete),
    audit: guard(store.audit),
    seed: guard(store.seed),
  };
}
