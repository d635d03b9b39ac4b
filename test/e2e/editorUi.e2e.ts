// The extension as a user meets it: the packaged .vsix installed into a fresh code-server (a
// real VS Code), driven through its UI by headless chromium. Each check is its own test and
// leaves a screenshot in test-artifacts/e2e/. Run: npm run test:e2e (builds and packages first),
// or after `npm run package`: node --import tsx --test --test-reporter=spec test/e2e/editorUi.e2e.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { fixtureWorkspace, repoRoot, startCodeServer, type CodeServer } from './support/codeServer';
import { activityTitle, extensionId, paletteTitle } from './support/manifest';
import { step } from './support/steps';
import {
  LAYERS, acceptQuickPicks, answerQuickPick, clickHoverLink, closeQuickInput, decorationCount, hoverLinks, hoverWord,
  openActivity, openFile, openWorkbench,
  runCommand, sidebarRows, statusBarEntries, waitForDecorations, webviewContent,
} from './support/workbench';

const VSIX = join(repoRoot, 'transformer-factors.vsix');
const COMMANDS = {
  highlightStrongest: 'transformerFactors.highlightStrongest',
  highlightFactor: 'transformerFactors.highlightFactor',
  openFactor: 'transformerFactors.openFactor',
  clearHighlights: 'transformerFactors.clearHighlights',
};
// The model and dictionary load on first use; later decompositions of a short text are quick.
const FIRST_DECOMPOSITION_MS = 90_000;

describe('Transformer Factors in a real VS Code (code-server)', () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const current = (): Page | undefined => page;

  before(async () => {
    server = await startCodeServer({ name: 'ui', install: [VSIX] });
    browser = await launchBrowser(server.profileDir);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openWorkbench(page, server.url, server.workspace);
  }, { timeout: 300_000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  step('the .vsix is installed in the fresh profile', current, async () => {
    const listed = server!.cli(['--list-extensions']);
    assert.match(listed.stdout, new RegExp(`^${extensionId}$`, 'm'), `code-server lists no ${extensionId}:\n${listed.stdout}${listed.stderr}`);
  });

  step('opens the sample document', current, async (p) => {
    await openFile(p, 'sample.txt');
  });

  step('"Highlight Strongest Factor" from the command palette draws decorations', current, async (p) => {
    await openFile(p, 'sample.txt');
    await runCommand(p, paletteTitle(COMMANDS.highlightStrongest));
    const count = await waitForDecorations(p, FIRST_DECOMPOSITION_MS);
    assert.ok(count > 0, `no decorations (elements with a ced- class) in the editor ${FIRST_DECOMPOSITION_MS / 1000} s after the command`);
  }, FIRST_DECOMPOSITION_MS + 60_000);

  step('highlighting leaves the document unchanged and not dirty', current, async (p) => {
    assert.ok(await decorationCount(p) > 0, 'nothing is highlighted in sample.txt, so there is no highlighting to check');
    assert.equal(await p.locator('.tabs-container .tab.dirty').count(), 0, 'an editor tab is marked dirty (unsaved changes)');
    const onDisk = readFileSync(join(server!.workspace, 'sample.txt'), 'utf8');
    assert.equal(onDisk, readFileSync(join(fixtureWorkspace, 'sample.txt'), 'utf8'), 'sample.txt changed on disk');
  });

  step('the status bar shows the extension\'s entry', current, async (p) => {
    const entries = await statusBarEntries(p, extensionId);
    assert.ok(entries.length > 0, `no status bar item of ${extensionId}`);
  });

  step('hovering a word shows its factors at each layer', current, async (p) => {
    await openFile(p, 'sample.txt');
    const text = await hoverWord(p, 'bank');
    assert.match(text, /Transformer Factors/, `the hover does not mention Transformer Factors; it shows: ${JSON.stringify(text.slice(0, 300))}`);
    const layers = LAYERS.filter((layer) => text.includes(layer));
    assert.ok(layers.length > 0, `the hover names no layer (${LAYERS.join(', ')}); it shows: ${JSON.stringify(text.slice(0, 300))}`);
  });

  // A factor that fires in second.txt, read from the hover's first "highlight" link.
  let hovered: { factor: number; layer: string } | undefined;

  step('the hover\'s "highlight" link draws that factor in another document', current, async (p) => {
    await openFile(p, 'second.txt');
    const text = await hoverWord(p, 'flies');
    const link = (await hoverLinks(p)).find((l) => l.text === 'highlight');
    assert.ok(link, `the hover on "flies" has no "highlight" link; it shows: ${JSON.stringify(text.slice(0, 300))}`);
    const prefix = `command:${COMMANDS.highlightFactor}?`;
    assert.ok(link.target.startsWith(prefix), `the "highlight" link runs ${link.target}, not ${COMMANDS.highlightFactor}`);
    const [args] = JSON.parse(decodeURIComponent(link.target.slice(prefix.length))) as Array<{ factor: number; layer: string }>;
    hovered = args;
    await clickHoverLink(p, 'highlight');
    const count = await waitForDecorations(p, 60_000);
    assert.ok(count > 0, `no decorations after the hover's link to highlight factor #${args.factor} at ${args.layer}`);
  });

  step('"Clear Highlights", then "Highlight Factor" with a factor typed by number', current, async (p) => {
    assert.ok(hovered, 'no factor known to fire in second.txt (the hover link check failed)');
    await p.mouse.move(5, 5);
    await openFile(p, 'second.txt');
    await runCommand(p, paletteTitle(COMMANDS.clearHighlights));
    await p.waitForTimeout(1000);
    assert.equal(await decorationCount(p), 0, '"Clear Highlights" left decorations');
    await runCommand(p, paletteTitle(COMMANDS.highlightFactor));
    await answerQuickPick(p, `#${hovered.factor}`);
    const count = await waitForDecorations(p, 60_000);
    assert.ok(count > 0, `no decorations after picking #${hovered.factor} (it fires on "flies" at ${hovered.layer})`);
  });

  step('the sidebar lists dictionaries and one expands into its contents', current, async (p) => {
    await closeQuickInput(p);
    await openActivity(p, activityTitle());
    const collapsed = p.locator('.sidebar .monaco-list-row[aria-level="1"][aria-expanded="false"]');
    await collapsed.first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    const shown = (await p.locator('.sidebar .pane-body').first().innerText()).replace(/\s+/g, ' ').slice(0, 300);
    assert.ok(await collapsed.count() > 0, `no collapsed dictionary row to expand in the sidebar; rows: ${(await sidebarRows(p)).join(' | ') || 'none'}; it shows: ${JSON.stringify(shown)}`);
    const row = collapsed.first();
    const label = await row.getAttribute('aria-label');
    await row.click();
    await p.waitForTimeout(1000);
    const rows = await sidebarRows(p);
    const children = p.locator('.sidebar .monaco-list-row[aria-level="2"]');
    await children.first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    assert.ok(await children.count() > 0, `expanding "${label}" showed nothing beneath it; rows: ${rows.join(' | ')}`);
  });

  step('the factor panel opens and renders inside its webview', current, async (p) => {
    await closeQuickInput(p);
    await openFile(p, 'sample.txt');
    const framesBefore = new Set(p.frames());
    await runCommand(p, paletteTitle(COMMANDS.openFactor));
    const picked = await acceptQuickPicks(p);
    const webview = await webviewContent(p, 60_000, framesBefore);
    assert.ok(webview, `no webview with content appeared after "${paletteTitle(COMMANDS.openFactor)}" (picked: ${picked.join(' → ') || 'nothing'})`);
    let text = await webview.frame.locator('body').innerText();
    assert.equal(webview.extensionId, extensionId, `the webview that opened belongs to ${webview.extensionId || 'no extension'}, not to the extension's own factor panel; it shows: ${JSON.stringify(text.slice(0, 200))}`);
    // The panel fills in as its messages arrive: wait for the factor's details.
    const names = (t: string): boolean => /#\d+/.test(t) && LAYERS.some((layer) => t.includes(layer));
    for (const deadline = Date.now() + 30_000; !names(text) && Date.now() < deadline;) {
      await p.waitForTimeout(500);
      text = await webview.frame.locator('body').innerText();
    }
    assert.match(text, /#\d+/, `the panel names no factor (#N); it shows: ${JSON.stringify(text.slice(0, 300))}`);
    assert.ok(LAYERS.some((layer) => text.includes(layer)), `the panel names no layer; it shows: ${JSON.stringify(text.slice(0, 300))}`);
  });
});
