// Runs the integration suite (out/test/index.js) inside code-server's real Node extension
// host, with this repository as the extension under development. code-server has no
// --extensionTestsPath flag: the web workbench takes both paths in its `payload` URL parameter
// and calls window.codeAutomationExit(code) when the tests end. Mocha's report arrives in the
// browser console and is printed here. Exit code 0 when every test passed.
// Run: npm run test:integration (builds first).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from '../e2e/support/browser';
import { repoRoot, startCodeServer } from '../e2e/support/codeServer';

const TIMEOUT_MS = 300_000;
const testsPath = join(repoRoot, 'out', 'test', 'index.js');

async function main(): Promise<number> {
  for (const built of [testsPath, join(repoRoot, 'out', 'extension.js')]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run npm run test:integration, which builds it`);
  }
  const started = Date.now();
  const server = await startCodeServer({ name: 'integration' });
  const browser = await launchBrowser(server.profileDir);
  const lines: string[] = [];
  try {
    const page = await browser.newPage();
    let finish: (code: unknown) => void = () => undefined;
    const finished = new Promise<unknown>((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationExit', (code: unknown) => finish(code));
    // The workbench forwards extension-host output as console.log("%c INFO", "color: …", format, ...args).
    page.on('console', (message) => {
      void Promise.all(message.args().map((a) => a.jsonValue().catch(() => '?'))).then((args: unknown[]) => {
        if (typeof args[0] === 'string' && /^%c (INFO|ERR|WARN)/.test(args[0])) {
          const line = format(...args.slice(2));
          lines.push(line);
          console.log(line);
        }
      });
    });
    const remote = (path: string): string => `vscode-remote://${new URL(server.url).host}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(testsPath)],
      ['skipWelcome', 'true'],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(payload)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    const code = await Promise.race([finished, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_MS))]);
    await page.waitForTimeout(500);   // the last console lines
    console.log(`integration tests in code-server: ${code === 0 ? 'passed' : 'FAILED'} (exit ${String(code)}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code === 0 ? 0 : 1;
  } finally {
    writeFileSync(join(server.profileDir, 'mocha.log'), lines.join('\n') + '\n');
    await browser.close();
    await server.stop();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
