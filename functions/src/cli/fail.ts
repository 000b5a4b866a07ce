/** Print an error for a person, not a stack trace, for the errors we expect; exit non-zero. */
export function failAndExit(err: unknown): never {
  const e = err as Error;
  const expected = ['ConfigError', 'DataDirError', 'SourceValidationError', 'JavaMissingError', 'StaleVersionError', 'LocalStoreBusyError', 'VersionNotCompleteError'].includes(e?.name);
  process.stderr.write(`\nerror: ${expected ? e.message : (e?.stack ?? String(err))}\n`);
  process.exit(1);
}
