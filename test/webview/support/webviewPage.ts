// Loads the real webview bundle in headless Debian chromium behind the panel's real CSP, with
// `acquireVsCodeApi` stubbed: messages the page posts and the state it saves are recorded on
// `window`, and host messages are delivered as the editor does, as window `message` events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { panelHtml } from '../../../src/extension/panel/panelHtml';
import type { HostMessage, WebviewMessage } from '../../../src/extension/panel/protocol';

const ORIGIN = 'https://webview.test';
const root = join(__dirname, '..', '..', '..');
let bundle: Promise<string> | undefined;

/** The page's script, built from webview/main.ts exactly as esbuild.mjs builds it (in memory). */
function webviewBundle(): Promise<string> {
  bundle ??= esbuild.build({
    entryPoints: [join(root, 'webview', 'main.ts')], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', write: false, logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
  return bundle;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface WebviewPage {
  page: Page;
  send(message: HostMessage): Promise<void>;
  /** Messages the page posted so far, oldest first. */
  posted(): Promise<WebviewMessage[]>;
  waitForPosted(type: WebviewMessage['type']): Promise<WebviewMessage>;
  savedState(): Promise<unknown>;
  /** CSP violations the page reported. */
  violations(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openWebview(browser: Browser, options: { savedState?: unknown; width?: number; height?: number } = {}): Promise<WebviewPage> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1100, height: options.height ?? 700 } });
  const script = await webviewBundle();
  const css = readFileSync(join(root, 'media', 'webview.css'), 'utf8');
  const html = panelHtml({ cspSource: ORIGIN, nonce: 'dGVzdC1ub25jZQ==', scriptUri: `${ORIGIN}/webview.js`, styleUri: `${ORIGIN}/webview.css` });
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/index.html') return route.fulfill({ contentType: 'text/html', body: html });
    if (path === '/webview.js') return route.fulfill({ contentType: 'text/javascript', body: script });
    if (path === '/webview.css') return route.fulfill({ contentType: 'text/css', body: css });
    return route.fulfill({ status: 404, body: '' });
  });
  // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
  await page.addInitScript(`(() => {
    const posted = [];
    const violations = [];
    let state = ${JSON.stringify(options.savedState ?? null)} ?? undefined;
    window.__posted = posted;
    window.__violations = violations;
    window.__state = () => state;
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));
    window.acquireVsCodeApi = () => ({
      postMessage: (message) => posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => state,
      setState: (next) => { state = JSON.parse(JSON.stringify(next)); },
    });
  })();`);
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => ((window as unknown as { __posted: Array<{ type: string }> }).__posted).some((m) => m.type === 'ready'));
  const posted = () => page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted);
  return {
    page,
    send: async (message) => {
      await page.evaluate((m) => window.postMessage(m, '*'), message);
      // Let the page handle the message and lit components render.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    },
    posted,
    waitForPosted: async (type) => {
      const handle = await page.waitForFunction((t) => (window as unknown as { __posted: Array<{ type: string }> }).__posted.filter((m) => m.type === t).at(-1), type);
      return (await handle.jsonValue()) as WebviewMessage;
    },
    savedState: () => page.evaluate(() => (window as unknown as { __state: () => unknown }).__state()),
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    close: () => page.close(),
  };
}
