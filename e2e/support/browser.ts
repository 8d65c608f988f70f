import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium; `.ci/run` installs it. Override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether browser tests can run here. Without chromium they skip with a loud notice on a
 * developer machine, and fail in CI, where nothing may skip.
 */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  const notice = `chromium not found at ${chromiumPath}: browser tests are SKIPPED (install Debian's chromium, or run .ci/run).`;
  if (process.env.CI) throw new Error(`${notice} In CI nothing may skip.`);
  console.warn(`\n\u001b[33m!!! ${notice}\u001b[0m\n`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // The machine has no network beyond loopback: keep chromium from reaching out.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
