import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { dashboard, initMessage, LAYERS } from './support/fixtures';
import { launchChromium, openWebview, type WebviewPage } from './support/webviewPage';

describe('factor dashboard, attribution and workspace results in chromium', () => {
  let browser: Browser;
  let view: WebviewPage;

  before(async () => {
    browser = await launchChromium();
    view = await openWebview(browser);
    await view.send(initMessage({ factor: 12, mode: 'factor' }));
    await view.send({ type: 'showTab', tab: 'factor' });
    await view.send({ type: 'dashboard', dashboard: dashboard() });
  });
  after(async () => {
    await browser?.close();
  });

  it('plots importance with one point per layer, the selected layer marked, and a point selects its layer', async () => {
    const points = await view.page.$$eval('.importance-plot circle.point', (circles) => circles.map((c) => ({ layer: c.getAttribute('data-layer'), selected: c.classList.contains('selected'), cy: Number(c.getAttribute('cy')) })));
    assert.equal(points.length, LAYERS.length);
    assert.deepEqual(points.filter((p) => p.selected).map((p) => p.layer), ['4']);
    // Importance [0.1, 0.8, 1.9, 1.2, 0.4]: the highest point (smallest y) is L0.ffn.
    assert.equal(points.reduce((best, p) => (p.cy < best.cy ? p : best)).layer, '2');
    await view.page.click('.importance-plot circle.point[data-layer="2"]');
    assert.deepEqual(await view.waitForPosted('selectFactor'), { type: 'selectFactor', factor: 12, layer: 2 });
  });

  it('draws one histogram bar per bin, taller for larger counts', async () => {
    const bars = await view.page.$$eval('.histogram rect.bar', (rects) => rects.map((r) => ({ count: Number(r.getAttribute('data-count')), height: Number(r.getAttribute('height')) })));
    assert.equal(bars.length, 16);
    assert.ok(bars[0].height > bars[1].height && bars[1].height > bars[6].height);
  });

  it('lists top examples with the token emphasised, escaped, and lower-interval examples by interval', async () => {
    const top = await view.page.$$eval('.top-examples .example', (items) => items.map((i) => ({ emphasis: i.querySelector('.emphasis')?.textContent, text: i.querySelector('.example-text')?.textContent })));
    assert.equal(top.length, 3);
    assert.ok(top.every((e) => e.emphasis === 'bank'));
    assert.equal(top[0].text, 'He went to the bank <b>0</b> yesterday.');
    assert.equal(await view.page.$$eval('.example-text b', (bold) => bold.length), 0);
    assert.deepEqual(await view.page.$$eval('.interval', (groups) => groups.map((g) => g.querySelectorAll('.example').length)), [1, 2]);
    assert.match(await view.page.textContent('.activity-rate') ?? '', /^0\.5%$/);
    assert.match(await view.page.textContent('.dash-header') ?? '', /purity 82%/);
  });

  it('asks the host for each example’s neighbour activations and shades them on arrival', async () => {
    const asked = (await view.posted()).filter((m) => m.type === 'exampleActivations');
    assert.equal(asked.length, 6, 'three top examples and three interval examples');
    const text = 'He went to the bank <b>0</b> yesterday.';
    await view.send({
      type: 'exampleActivations', ref: { factor: 12, layer: 4, interval: -1, index: 0 }, scale: 2,
      activations: { text, starts: [0, 3, 8, 11, 15], ends: [2, 7, 10, 14, 19], scores: [0, 0.5, 0, 0, 2] },
    });
    const shaded = await view.page.$$eval('.top-examples .example:first-child .tok[data-intensity]', (spans) => spans.map((s) => [s.textContent, (s as HTMLElement).dataset.intensity]));
    assert.deepEqual(shaded, [['went', '0.250'], ['bank', '1.000']]);
  });

  it('opens co-occurring factors and asks for attribution of an example', async () => {
    await view.page.click('.cooccurring button.factor-link >> text=#99 money');
    assert.deepEqual(await view.waitForPosted('selectFactor'), { type: 'selectFactor', factor: 99, layer: 4 });
    await view.page.click('.top-examples .example:nth-child(2) button.link-button');
    assert.deepEqual(await view.waitForPosted('attribute'), { type: 'attribute', request: 1, source: { kind: 'example', ref: { factor: 12, layer: 4, interval: -1, index: 1 } } });
  });

  it('shows attribution progress with cancel, then the scores on a second, diverging colour scale', async () => {
    await view.send({ type: 'attributionStarted', request: 1, title: 'Why #12 fires on “bank”' });
    await view.send({ type: 'attributionProgress', request: 1, done: 3, total: 8 });
    assert.match(await view.page.textContent('.attribution') ?? '', /3 of 8/);
    await view.page.click('.attribution vscode-button >> text=Cancel');
    assert.deepEqual(await view.waitForPosted('cancelAttribution'), { type: 'cancelAttribution', request: 1 });
    await view.send({
      type: 'attribution', request: 1, title: 'Why #12 fires on “bank”', target: 2, baseline: 2.1,
      result: { text: 'the river bank', starts: [0, 4, 10], ends: [3, 9, 14], scores: [-0.2, 0.8, 0] },
    });
    const spans = await view.page.$$eval('.attribution-text .tok', (all) => all.map((s) => ({ text: s.textContent, negative: s.classList.contains('negative'), emphasis: s.classList.contains('emphasis'), background: getComputedStyle(s).backgroundColor })));
    assert.deepEqual(spans.map((s) => [s.text, s.negative, s.emphasis]), [['the', true, false], ['river', false, false], ['bank', false, true]]);
    assert.notEqual(spans[0].background, spans[1].background, 'opposing and supporting tokens differ in colour');
  });

  it('lists workspace hits with previews, and a hit asks the host to reveal it', async () => {
    await view.send({ type: 'showTab', tab: 'workspace' });
    await view.send({ type: 'searchProgress', files: 2, total: 5, running: true });
    await view.send({
      type: 'searchResults', factor: 12, layer: 4, running: false, files: 5, hits: [
        { index: 0, file: 'notes/a.md', line: 3, before: 'to the ', token: 'bank', after: ' <i>today</i>', coefficient: 2.2 },
        { index: 1, file: 'b.txt', line: 10, before: 'a ', token: 'bank', after: '', coefficient: 1.1 },
      ],
    });
    const hits = await view.page.$$eval('.search-hit', (buttons) => buttons.map((b) => b.textContent));
    assert.equal(hits.length, 2);
    assert.match(hits[0] ?? '', /notes\/a\.md:3.*to the bank <i>today<\/i>/);
    await view.page.click('.search-hit >> nth=1');
    assert.deepEqual(await view.waitForPosted('openSearchHit'), { type: 'openSearchHit', index: 1 });
    assert.deepEqual(await view.violations(), []);
  });
});
