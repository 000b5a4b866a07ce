import * as indexStore from '../../functions/src/store/index-store.js';

/**
 * Key prefixes of the artifacts the pipeline publishes beside the table and
 * the API reads (map geometry, crosswalks, …). Every exported `…Key(version, …)`
 * function of the store names one kind of artifact; its first path segment is
 * the prefix. Derived, so a new artifact kind gets its grants without an infra
 * change (stack.test.ts checks the grants against the key functions).
 */
export const ARTIFACT_PREFIXES: string[] = [
  ...new Set(
    Object.entries(indexStore)
      .filter(([name, value]) => name.endsWith('Key') && typeof value === 'function')
      .map(([name, keyOf]) => {
        const prefix = (keyOf as (...args: string[]) => string)('v', 'town').split('/')[0]!;
        if (!/^[a-z0-9][a-z0-9-]*$/.test(prefix)) throw new Error(`${name}: artifact keys must start with a plain folder name, got "${prefix}"`);
        return prefix;
      }),
  ),
].sort();
