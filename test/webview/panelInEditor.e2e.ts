// The factor panel in a real VS Code (code-server, this repository as the extension under
// development), driven by headless chromium: opens the panel on the sample document, checks the
// document view, the dashboard, attribution, workspace search, a pinned token through an edit
// and the panel's return after a reload, and saves screenshots to docs/images/ for README.md.
// Run after `npm run build`: node --import tsx --test --test-reporter=spec test/webview/panelInEditor.e2e.ts
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser';
import { repoRoot, startCodeServer, type CodeServer } from '../e2e/support/codeServer';
import { openFile, runCommand } from '../e2e/support/workbench';

const images = join(repoRoot, 'docs', 'images');

/** The factor panel's page: VS Code nests each webview's content in an inner frame. */
async function panelFrame(page: Page, timeoutMs: number): Promise<Frame | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame.parentFrame() && (await frame.locator('vscode-tabs').count().catch(() => 0)) > 0) return frame;
    }
    await page.waitForTimeout(500);
  }
  return undefined;
}
const FIRST_DECOMPOSITION_MS = 120_000;

describe('the factor panel in code-server', { timeout: 600_000 }, () => {
  let server: CodeServer;
  let browser: Browser;
  let page: Page;
  let frame: Frame;

  const openWorkbenchWithExtension = async () => {
    const remote = (path: string) => `vscode-remote://${new URL(server.url).host}${path}`;
    const payload = JSON.stringify([['extensionDevelopmentPath', remote(repoRoot)], ['skipWelcome', 'true']]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(payload)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  };

  /** Opens a workspace file from the explorer (Quick Open loses keystrokes on a busy machine). */
  const openSample = async (name: string) => {
    const tab = page.locator(`.tabs-container .tab[aria-label^="${name}"]`);
    if (await tab.count()) return tab.first().click();
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    if (!(await tab.first().waitFor({ timeout: 15_000 }).then(() => true, () => false))) await openFile(page, name);
  };

  before(async () => {
    server = await startCodeServer({ name: 'panel' });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    await openWorkbenchWithExtension();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens beside the editor and shows the document’s tokens coloured by their strongest factor', async () => {
    await openSample('sample.txt');
    // The palette drops keystrokes while the workbench is busy: try once more.
    await runCommand(page, 'Transformer Factors: Open Factor Panel').catch(() => runCommand(page, 'Transformer Factors: Open Factor Panel', 60_000));
    const found = await panelFrame(page, 60_000);
    assert.ok(found, 'the panel’s webview has content');
    frame = found;
    await frame.waitForSelector('.doc-row .tok[data-color]', { timeout: FIRST_DECOMPOSITION_MS });
    assert.ok(await frame.locator('.legend-entry').count() > 0, 'a legend of strongest factors');
    assert.match(await frame.locator('.doc-rows').innerText(), /The bank raised its interest rates/);
    await frame.locator('.doc-row .tok', { hasText: 'bank' }).first().hover();
    await frame.waitForSelector('.tooltip:not([hidden]) .tooltip-layer', { timeout: 10_000 });
    assert.equal(await frame.locator('.tooltip .tooltip-layer').count(), 5, 'the hover lists every layer');
    await page.screenshot({ path: join(images, 'panel-document.png') });
  });

  it('highlights a chosen factor, with intensities, and shows its dashboard', async () => {
    await frame.locator('.doc-row .tok', { hasText: 'bank' }).first().click();
    await frame.waitForSelector('.inspector .layer-factors button.factor-link', { timeout: 10_000 });
    await frame.locator('.inspector .layer-factors').last().locator('button.factor-link').first().click();
    await frame.waitForSelector('.doc-row .tok[data-intensity]:not([data-color])', { timeout: 20_000 });
    assert.match(await frame.locator('.legend').innerText(), /Factor #\d+/);
    await frame.locator('vscode-tab-header', { hasText: 'Factor' }).click();
    await frame.waitForSelector('.importance-plot circle.point', { timeout: 20_000 });
    assert.equal(await frame.locator('.importance-plot circle.point').count(), 5);
    assert.ok(await frame.locator('.histogram rect.bar').count() > 1);
    assert.ok(await frame.locator('.top-examples .example').count() > 0);
    await frame.waitForSelector('.top-examples .example .tok[data-intensity]', { timeout: 30_000 });
    await page.screenshot({ path: join(images, 'panel-dashboard.png') });
  });

  it('attributes a top example’s activation to its context tokens', async () => {
    await frame.locator('.top-examples .example button.link-button').first().click();
    // The panel's worker loads its own copy of the model on first use.
    await frame.waitForSelector('.attribution-text .tok, section.attribution .warning', { timeout: 180_000 });
    const failed = await frame.locator('section.attribution .warning').count();
    if (failed) assert.fail(await frame.locator('section.attribution .warning').innerText());
    assert.ok(await frame.locator('.attribution-text .tok[data-intensity]').count() > 0);
    await frame.locator('section.attribution').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(images, 'panel-attribution.png') });
  });

  it('finds the factor in the workspace and reveals a hit in its editor', async () => {
    await frame.locator('.dash-header vscode-button', { hasText: 'Find in workspace' }).click();
    await frame.waitForSelector('.search-hit', { timeout: 60_000 });
    const first = (await frame.locator('.search-hit .hit-place').first().innerText()).split(':')[0];
    await frame.locator('.search-hit').first().click();
    await page.waitForSelector(`.tabs-container .tab.active[aria-label^="${first}"]`, { timeout: 20_000 });
    await page.screenshot({ path: join(images, 'panel-workspace.png') });
  });

  it('follows edits around a pinned token and reports its changed factors', async () => {
    await openSample('sample.txt');
    await frame.locator('vscode-tab-header', { hasText: 'Document' }).click();
    await frame.locator('.doc-row .tok', { hasText: 'bank' }).first().click();
    await frame.locator('.inspector vscode-button', { hasText: 'Pin' }).click();
    await frame.waitForSelector('.pin-box h3', { timeout: 10_000 });
    // Edit before the pinned token: "The bank" → "The old central bank".
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.type('old central ');
    await frame.waitForFunction(() => /1 edit|\d+ edits/.test(document.querySelector('.pin-box')?.textContent ?? ''), undefined, { timeout: 60_000 });
    await frame.waitForSelector('.doc-row .tok.pinned', { timeout: 60_000 });
    assert.equal(await frame.locator('.doc-row .tok.pinned').innerText(), 'bank', 'the pin stays on the token through the edit');
    const pinned = await frame.locator('.pin-box').innerText();
    assert.match(pinned, /bank/);
    assert.match(pinned, /[+−▲▼]/, 'some factor was gained, lost or changed');
    await page.screenshot({ path: join(images, 'panel-pin.png') });
  });

  it('follows the active editor, and is whole again when hidden and shown', async () => {
    const panelTab = page.locator('.tabs-container .tab', { hasText: 'Transformer Factors' });
    await panelTab.click();
    // Opening a file in the panel's group hides the panel; the panel follows that file.
    await openSample('second.txt');
    await panelTab.click();
    const shown = await panelFrame(page, 60_000);
    assert.ok(shown, 'the panel’s page is back');
    await shown.waitForFunction(() => /second\.txt/.test(document.querySelector('.doc-heading')?.textContent ?? ''), undefined, { timeout: 60_000 });
    await shown.waitForSelector('.doc-row .tok', { timeout: 120_000 });
    frame = shown;
  });

  it('comes back after a reload with its selection', async () => {
    await openWorkbenchWithExtension();
    const restored = await panelFrame(page, 60_000);
    if (!restored) await page.screenshot({ path: join(server.profileDir, 'reload.png') });
    assert.ok(restored, 'the serializer restored the panel');
    // The restored tab is whichever VS Code last persisted: navigating away does not wait for its
    // storage to be written (measured: a state from three steps before came back under load).
    await restored.locator('vscode-tab-header', { hasText: 'Document' }).click();
    await restored.waitForSelector('.legend', { timeout: FIRST_DECOMPOSITION_MS });
    await restored.waitForFunction(() => /Factor #\d+/.test(document.querySelector('.mode')?.textContent ?? ''), undefined, { timeout: 60_000 });
  });
});
