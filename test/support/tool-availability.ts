import { spawnSync } from 'node:child_process';

export interface Availability {
  run: boolean;
  reason?: string;
}

/**
 * Whether tests that need an outside tool can run. Without it they are skipped with a printed
 * reason on a developer's machine, but never in CI (CI=true), where `.ci/run` installs it and a
 * missing tool is a failure, not a quiet skip.
 */
export function availability(found: boolean, what: string, reason: string): Availability {
  if (found) return { run: true };
  if (process.env.CI === 'true') throw new Error(`CI=true requires the ${what} to run: ${reason}`);
  console.warn(`skipping ${what}: ${reason}`);
  return { run: false, reason };
}

/** A command-line tool answering `probe` (e.g. `ogrinfo --version`); `install` says how to get it. */
export function commandAvailability(command: string, probe: string[], what: string, install: string): Availability {
  const found = spawnSync(command, probe, { stdio: 'ignore' }).status === 0;
  return availability(found, what, `${command} not found (${install})`);
}
