import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { documentMessage, factorHighlights, initMessage, strongestHighlights } from './support/fixtures';
import { launchChromium, openWebview, type WebviewPage } from './support/webviewPage';

describe('document view in chromium', () => {
  let browser: Browser;
  let view: WebviewPage;

  before(async () => {
    browser = await launchChromium();
    view = await openWebview(browser);
    await view.send(initMessage());
  });
  after(async () => {
    await browser?.close();
  });

  it('shades tokens by the selected factor with the intensities sent, and leaves inactive tokens plain', async () => {
    await view.send(documentMessage('The river bank was steep and the bank was closed'));
    const values = [0, 0, 0.9, 0, 0, 0, 0, 0.45, 0, 0.1];
    await view.send(factorHighlights(values));
    const tokens = await view.page.$$eval('.doc-row .tok', (spans) => spans.map((s) => ({
      token: Number((s as HTMLElement).dataset.token), text: s.textContent, intensity: (s as HTMLElement).dataset.intensity,
      alpha: Number((getComputedStyle(s).backgroundColor.match(/[\d.]+(?=\))/) ?? ['0'])[0]), background: getComputedStyle(s).backgroundColor,
    })));
    assert.equal(tokens.length, 10);
    assert.deepEqual(tokens.filter((t) => t.intensity).map((t) => [t.text, t.intensity]), [['bank', '0.900'], ['bank', '0.450'], ['closed', '0.100']]);
    const [strong, middle, weak] = tokens.filter((t) => t.intensity);
    assert.ok(strong.alpha > middle.alpha && middle.alpha > weak.alpha && weak.alpha > 0, `alphas ${strong.background} ${middle.background} ${weak.background}`);
    assert.ok(tokens.filter((t) => !t.intensity).every((t) => t.background === 'rgba(0, 0, 0, 0)'));
    assert.match(await view.page.textContent('.legend') ?? '', /Factor #12 bank at L1\.ffn/);
    assert.deepEqual(await view.violations(), []);
  });

  it('colours each token by its strongest factor and lists the factors in a legend that selects them', async () => {
    await view.send(documentMessage('alpha beta gamma delta'));
    await view.send(strongestHighlights([0.5, 1, 0.2, 0], [0, 1, 0, -1]));
    const colours = await view.page.$$eval('.doc-row .tok', (spans) => spans.map((s) => (s as HTMLElement).dataset.color ?? ''));
    assert.deepEqual(colours, ['0', '1', '0', '']);
    const [first, second] = await view.page.$$eval('.doc-row .tok', (spans) => spans.slice(0, 2).map((s) => getComputedStyle(s).backgroundColor));
    assert.notEqual(first, second, 'different factors get different colours');
    const entries = await view.page.$$('.legend-entry');
    assert.equal(entries.length, 2);
    await entries[1].click();
    assert.deepEqual(await view.waitForPosted('selectFactor'), { type: 'selectFactor', factor: 101, layer: 4 });
  });

  it('renders markup in the document as text', async () => {
    const evil = '<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> &amp; done';
    await view.send(documentMessage(evil));
    assert.equal(await view.page.$$eval('script', (scripts) => scripts.length), 1, 'only the bundle is a script');
    assert.equal(await view.page.$$eval('.doc-rows img', (images) => images.length), 0);
    assert.equal(await view.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal((await view.page.textContent('.doc-rows'))?.trimEnd(), evil);
  });

  it('renders only the rows near the viewport of a long document', async () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `line ${i} of a long document`);
    await view.send(documentMessage(lines.join('\n'), 'long.txt'));
    const rendered = await view.page.$$eval('.doc-row', (rows) => rows.length);
    assert.ok(rendered > 10 && rendered < 200, `${rendered} rows rendered`);
    await view.page.$eval('.doc-scroll', (scroll) => { scroll.scrollTop = scroll.scrollHeight; });
    await view.page.waitForFunction(() => document.querySelector('.doc-rows')?.textContent?.includes('line 4999 of a long document'));
    assert.ok(await view.page.$$eval('.doc-row', (rows) => rows.length) < 200);
  });

  it('moves between tokens by keyboard, lists a token’s factors per layer, and switches factor on click', async () => {
    await view.send(documentMessage('one two three'));
    await view.page.focus('.doc-scroll');
    await view.page.keyboard.press('ArrowRight');
    await view.page.keyboard.press('ArrowRight');
    await view.page.keyboard.press('Enter');
    const details = await view.waitForPosted('tokenDetails');
    assert.deepEqual(details, { type: 'tokenDetails', token: 1 });
    await view.send({
      type: 'tokenDetails', token: 1, text: 'two', layers: [
        { layer: 'embed', factors: [{ id: 5, label: 'two', coefficient: 1.5 }], more: 0 },
        { layer: 'L1.ffn', factors: [{ id: 8, label: 'number', coefficient: 0.7 }, { id: 9, label: '<b>x</b>', coefficient: 0.2 }], more: 3, relativeResidual: 0.4 },
      ],
    });
    const inspector = await view.page.textContent('.inspector');
    assert.match(inspector ?? '', /#5 two/);
    assert.match(inspector ?? '', /#9 <b>x<\/b>/);
    assert.match(inspector ?? '', /and 3 more/);
    await view.page.click('.inspector button.factor-link >> text=#8 number');
    assert.deepEqual(await view.waitForPosted('selectFactor'), { type: 'selectFactor', factor: 8, layer: 4 });
    await view.page.focus('.doc-scroll');
    await view.page.keyboard.press('p');
    assert.deepEqual(await view.waitForPosted('pin'), { type: 'pin', token: 1 });
  });

  it('shows how a pinned token’s factors changed', async () => {
    await view.send({
      type: 'pin', token: 1, text: 'two', edits: 2, changes: [
        { layer: 'L1.ffn', gained: [{ id: 3, label: 'gain', coefficient: 0.3 }], lost: [{ id: 4, label: 'loss', coefficient: 0.2 }], changed: [{ id: 8, label: 'number', before: 0.7, after: 0.9 }] },
      ],
    });
    assert.equal(await view.page.$$eval('.pin-box li.gained', (items) => items.length), 1);
    assert.equal(await view.page.$$eval('.pin-box li.lost', (items) => items.length), 1);
    assert.match(await view.page.textContent('.pin-box li.up') ?? '', /0\.70 → 0\.90/);
    assert.equal(await view.page.$$eval('.doc-row .tok.pinned', (spans) => spans.map((s) => s.textContent).join()), 'two');
  });
});
