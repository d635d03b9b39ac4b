import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { documentMessage, initMessage } from './support/fixtures';
import { launchChromium, openWebview } from './support/webviewPage';

describe('panel state in chromium', () => {
  let browser: Browser;

  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  it('saves the tab, selection and scroll position, and a reloaded page restores them and tells the host', async () => {
    const first = await openWebview(browser, { height: 400 });
    assert.deepEqual(await first.waitForPosted('ready'), { type: 'ready', state: { tab: 'document', mode: 'strongest', factor: -1, layer: -1, scrollTop: 0 } });
    await first.send(initMessage());
    const text = Array.from({ length: 400 }, (_, i) => `row ${i}`).join('\n');
    await first.send(documentMessage(text));
    await first.send({ type: 'highlights', mode: 'factor', layer: 2, factor: 33, factorLabel: 'row', values: [], colors: [], legend: [], scale: 1, done: 0, total: 800 });
    await first.page.$eval('.doc-scroll', (scroll) => { scroll.scrollTop = 1000; });
    await first.page.click('vscode-tab-header >> text=Factor');
    await first.page.waitForFunction(() => (window as unknown as { __state: () => { scrollTop: number } }).__state()?.scrollTop === 1000);
    const saved = await first.savedState();
    assert.deepEqual(saved, { tab: 'factor', mode: 'factor', factor: 33, layer: 2, scrollTop: 1000 });
    await first.close();

    // The editor hands the saved state to the new page (hide/show, or a reload via the serializer).
    const second = await openWebview(browser, { savedState: saved, height: 400 });
    assert.deepEqual(await second.waitForPosted('ready'), { type: 'ready', state: saved });
    await second.send(initMessage({ mode: 'factor', factor: 33, layer: 2 }));
    await second.send(documentMessage(text));
    assert.equal(await second.page.$eval('vscode-tabs', (tabs) => (tabs as HTMLElement & { selectedIndex: number }).selectedIndex), 1);
    await second.page.click('vscode-tab-header >> text=Document');
    assert.equal(await second.page.$eval('.doc-scroll', (scroll) => scroll.scrollTop), 1000);
    // Rows are 20 px high: 1000 px down, row 50 is at the top of the view.
    assert.ok((await second.page.$$eval('.doc-row', (rows) => rows.map((r) => r.textContent))).includes('row 50'));
  });
});
