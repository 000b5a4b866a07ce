import pkg from '../../../package.json' with { type: 'json' };

/** The root package.json version, inlined at build time (esbuild bundles JSON imports), so it is known in Lambda too. */
export const PACKAGE_VERSION: string = pkg.version;
