import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach } from 'vitest';

/** Saves a full-page screenshot of a failed test to test-results/, for CI logs and humans. */
export function screenshotOnFailure(getPage: () => Page | undefined) {
  afterEach(async (context) => {
    const page = getPage();
    if (!page || context.task.result?.state !== 'fail') return;
    mkdirSync('test-results', { recursive: true });
    const file = path.join('test-results', `${context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`screenshot of the failure: ${file} (url ${page.url()})`);
  });
}
