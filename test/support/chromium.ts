import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { availability, type Availability } from './tool-availability.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Whether browser tests can run. Without Chromium they are skipped with a
 * printed reason, except in CI (CI=true), where a missing browser is a failure.
 */
export function browserAvailability(): Availability {
  return availability(existsSync(CHROMIUM_PATH), 'browser tests', `Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH, or apt-get install -y chromium)`);
}

/** Debian's Chromium, headless, with the background-networking features off (this machine has no outside network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
