import { crosswalkKey, geometryKey } from '../../functions/src/store/index-store.js';

/**
 * Key prefixes of the artifacts the pipeline publishes beside the table and
 * the API reads (map geometry, crosswalks), taken from the store's own key
 * functions so the IAM grants follow the code. stack.test.ts fails when the
 * store gains a key function whose prefix is not listed here.
 */
export const ARTIFACT_PREFIXES: string[] = [...new Set([geometryKey('v', 'town'), crosswalkKey('v', 'area')].map((key) => key.split('/')[0]!))];
