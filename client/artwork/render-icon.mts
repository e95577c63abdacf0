// Renders icon.svg into client/media/icon.png (256×256, transparent corners) with the headless Chromium the
// end-to-end tests use, so the picture the Marketplace shows is drawn from the vector source in this folder.
//   node --import tsx client/artwork/render-icon.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../test/e2e/workbench/browser';

const SIZE = 256;
const svg = readFileSync(join(import.meta.dirname, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.screenshot({
    path: join(import.meta.dirname, '..', 'media', 'icon.png'),
    omitBackground: true,
    clip: { x: 0, y: 0, width: SIZE, height: SIZE },
  });
} finally {
  await browser.close();
}
