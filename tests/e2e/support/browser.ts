/**
 * Debian's Chromium through playwright-core, with the flags known to work here (see
 * ENVIRONMENT.md). Tests skip only when Chromium is missing and CI is unset; under CI a
 * missing browser fails, since .ci/run installs it.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Why the suite is skipped, or undefined when it runs. */
export function skipReason(): string | undefined {
  if (chromiumAvailable()) return undefined;
  if (process.env.CI)
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}; .ci/run installs it with apt-get (chromium fonts-liberation)`,
    );
  return (
    `Chromium not found at ${CHROMIUM_PATH}: end-to-end tests skipped (apt-get install -y ` +
    `--no-install-recommends chromium fonts-liberation)`
  );
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
