// Operations on VS Code's web workbench, as a user performs them. The selectors are VS Code
// internals (decorations render as `ced-` classes, hovers as `.monaco-hover-content`, webviews
// as nested iframes): code-server is pinned so they stay valid.
import type { Frame, Page } from 'playwright-core';

export const LAYERS = ['embed', 'L0.attn', 'L0.ffn', 'L1.attn', 'L1.ffn'];

const quickInput = '.quick-input-widget';
const quickInputBox = `${quickInput} .quick-input-box input`;
const quickRows = `${quickInput} .quick-input-list .monaco-list-row`;

async function poll<T>(what: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 250): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  // Not waiting for `load`: on a busy machine the workbench's many modules take longer than
  // playwright's default; the workbench element says enough.
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
  // The explorer lists the folder once the remote file system answers.
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
}

export async function closeQuickInput(page: Page): Promise<void> {
  if (await page.locator(quickInput).isVisible()) await page.keyboard.press('Escape');
  await page.locator(quickInput).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
}

async function quickRowLabels(page: Page): Promise<string[]> {
  return page.locator(quickRows).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
}

/** Opens a workspace file through Quick Open (retried: keystrokes are lost while the workbench restores). */
export async function openFile(page: Page, name: string): Promise<void> {
  const tab = page.locator(`.tabs-container .tab[aria-label^="${name}"]`);
  for (let attempt = 0; attempt < 5; attempt++) {
    await closeQuickInput(page);
    await page.keyboard.press('Control+P');
    const box = page.locator(quickInputBox);
    if (await box.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
      await box.fill(name);
      const listed = await poll(async () => ((await quickRowLabels(page)).some((l) => l.includes(name)) ? true : undefined), 5000);
      if (listed) await page.keyboard.press('Enter');
    }
    if (await tab.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
      return;
    }
  }
  throw new Error(`could not open ${name} with Quick Open`);
}

/**
 * Runs a command-palette entry by its full title ("Category: Title"). Waits up to `timeoutMs`
 * for it to be listed (extensions register while the workbench starts) and fails naming it.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  let seen: string[] = [];
  const found = await poll(async () => {
    if (!(await page.locator(quickInputBox).isVisible())) await page.keyboard.press('F1');
    const box = page.locator(quickInputBox);
    if (!(await box.isVisible())) return undefined;
    await box.fill(`>${title}`);
    await page.waitForTimeout(300);
    seen = await quickRowLabels(page);
    const index = seen.findIndex((label) => label === title || label.startsWith(`${title},`) || label.startsWith(`${title} `));
    return index >= 0 ? index : undefined;
  }, timeoutMs, 1000);
  if (found === undefined) {
    await closeQuickInput(page);
    throw new Error(`command "${title}" is not in the command palette (it listed: ${seen.join(' | ') || 'nothing'})`);
  }
  await page.locator(quickRows).nth(found).click();
}

/** Accepts the active entry of each quick pick a command shows (layer, factor …), at most `max`. */
export async function acceptQuickPicks(page: Page, max = 3, firstWaitMs = 5000): Promise<string[]> {
  const accepted: string[] = [];
  for (let i = 0; i < max; i++) {
    const shown = await page.locator(quickRows).first().waitFor({ timeout: i === 0 ? firstWaitMs : 2000 }).then(() => true, () => false);
    if (!shown || !(await page.locator(quickInput).isVisible())) break;
    const active = page.locator(`${quickRows}.focused`).first();
    accepted.push((await active.count()) ? (await active.getAttribute('aria-label')) ?? '' : (await quickRowLabels(page))[0]);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
  }
  return accepted;
}

/** Text-editor decorations drawn by extensions in the visible editors. */
export function decorationCount(page: Page): Promise<number> {
  return page.locator('.editor-instance .monaco-editor [class*="ced-"]').count();
}

export async function waitForDecorations(page: Page, timeoutMs: number): Promise<number> {
  return (await poll(async () => ((await decorationCount(page)) > 0 ? decorationCount(page) : undefined), timeoutMs, 500)) ?? 0;
}

/** The centre of the first rendered occurrence of `word` in the editors, if any. */
function wordSpot(page: Page, word: string): Promise<{ x: number; y: number } | null> {
  // A word may be split over several spans (a decoration per token piece): search each line's
  // text as a whole and map the match back onto its text nodes.
  return page.evaluate((w) => {
    for (const line of document.querySelectorAll('.editor-instance .view-lines .view-line')) {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const text = nodes.map((n) => n.data).join('');
      const match = new RegExp(`\\b${w}\\b`).exec(text);
      if (!match) continue;
      // (No named helper functions in here: tsx would wrap them in a __name the page lacks.)
      const range = document.createRange();
      const start = match.index;
      const end = match.index + w.length;
      let seen = 0;
      for (const node of nodes) {
        const next = seen + node.data.length;
        if (start >= seen && start < next) range.setStart(node, start - seen);
        if (end > seen && end <= next) range.setEnd(node, end - seen);
        seen = next;
      }
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    return null;
  }, word);
}

/** Moves the mouse onto the first rendered occurrence of `word` and returns the hover's text. */
export async function hoverWord(page: Page, word: string, timeoutMs = 30_000): Promise<string> {
  await closeQuickInput(page);
  // Hidden hovers of earlier editors may stay in the page: read the visible one, and wait until
  // it is the extension's, about this word (it first shows "Loading…" while providers answer).
  const visibleText = (): Promise<string> => page.locator('.monaco-hover-content').evaluateAll((hovers) =>
    hovers.filter((h) => h.checkVisibility()).map((h) => (h as HTMLElement).innerText).join('\n'));
  const deadline = Date.now() + timeoutMs;
  do {
    // Located afresh each time: decorations drawn meanwhile (inline labels) move the text.
    const spot = await wordSpot(page, word);
    if (!spot) throw new Error(`the word "${word}" is not visible in the editor`);
    await page.keyboard.press('Escape');   // an earlier hover
    await page.mouse.move(spot.x - 40, spot.y + 200);
    await page.mouse.move(spot.x, spot.y, { steps: 5 });
    const text = await poll(async () => {
      const shown = await visibleText();
      return /Transformer Factors/.test(shown) && shown.includes(word) ? shown : undefined;
    }, Math.min(8000, Math.max(0, deadline - Date.now())), 500);
    if (text) return text;
  } while (Date.now() < deadline);
  return visibleText();
}

/** The links in the visible hover: their text and target (command links: `command:id?args`). */
export async function hoverLinks(page: Page): Promise<Array<{ text: string; target: string }>> {
  // Hidden hovers of earlier editors may stay in the page: only visible links count.
  return page.locator('.monaco-hover-content a').evaluateAll((links) => links
    .filter((a) => a.checkVisibility())
    .map((a) => ({ text: (a as HTMLElement).innerText.trim(), target: a.getAttribute('data-href') ?? a.getAttribute('href') ?? '' })));
}

/** Clicks the `index`-th link of the visible hover whose text is `text`. */
export async function clickHoverLink(page: Page, text: string, index = 0): Promise<void> {
  await page.locator('.monaco-hover-content a').filter({ visible: true, hasText: new RegExp(`^\\s*${text}\\s*$`) }).nth(index).click();
}

/** Types into the open quick pick (replacing its text) and accepts the active entry. */
export async function answerQuickPick(page: Page, text: string, timeoutMs = 10_000): Promise<void> {
  const box = page.locator(quickInputBox);
  await box.waitFor({ timeout: timeoutMs });
  await box.fill(text);
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
}

/** Opens a view container of the activity bar by its title; fails listing the titles there are. */
export async function openActivity(page: Page, title: string): Promise<void> {
  const items = page.locator('.activitybar .action-item .action-label');
  const labels = (await items.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).filter(Boolean);
  const index = labels.findIndex((l) => l === title || l.startsWith(`${title} (`));
  if (index < 0) throw new Error(`no "${title}" in the activity bar (it has: ${labels.join(' | ')})`);
  const item = items.nth(index);
  const checked = await item.getAttribute('aria-checked');
  if (checked !== 'true') await item.click();
  // A container with one view hides that view's header: wait for the body.
  await page.locator('.sidebar .pane-body').first().waitFor({ timeout: 10_000 });
}

/** The rows of the tree views in the side bar, as "level:label". */
export async function sidebarRows(page: Page): Promise<string[]> {
  return page.locator('.sidebar .monaco-list-row').evaluateAll((rows) =>
    rows.map((r) => `${r.getAttribute('aria-level') ?? '?'}:${r.getAttribute('aria-label') ?? (r as HTMLElement).innerText}`));
}

/** The status bar entries an extension contributed (their DOM ids start with its id). */
export async function statusBarEntries(page: Page, extensionId: string): Promise<string[]> {
  return page.locator('.statusbar-item').evaluateAll((items, id) =>
    items.filter((e) => e.id.startsWith(`${id}.`)).map((e) => `${e.id}: ${(e as HTMLElement).innerText.trim()}`), extensionId);
}

export interface WebviewContent {
  frame: Frame;
  /** The extension that owns the webview, from its outer iframe's URL. */
  extensionId: string;
}

/**
 * The content frame of a webview (VS Code nests it in a second iframe) that shows text, leaving
 * out the frames in `existing` (those of webviews open before, such as sidebar views).
 */
export async function webviewContent(page: Page, timeoutMs: number, existing: ReadonlySet<Frame> = new Set()): Promise<WebviewContent | undefined> {
  return poll(async () => {
    for (const frame of page.frames()) {
      const parent = frame.parentFrame();
      if (parent && parent !== page.mainFrame() && !existing.has(frame) && (await frame.locator('body').count()) > 0) {
        const text = await frame.locator('body').innerText().catch(() => '');
        if (text.trim()) return { frame, extensionId: new URL(parent.url()).searchParams.get('extensionId') ?? '' };
      }
    }
    return undefined;
  }, timeoutMs, 500);
}
