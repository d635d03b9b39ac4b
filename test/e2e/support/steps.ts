// One named node:test test per UI check, each leaving a screenshot (…-failed.png when it
// fails) in test-artifacts/e2e/, so a failure report says which check broke and shows the screen.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { artifactsDir } from './codeServer';

let counter = 0;
// Screenshots of an earlier run would read as this run's.
mkdirSync(artifactsDir, { recursive: true });
for (const old of readdirSync(artifactsDir).filter((f) => /^\d\d-.*\.png$/.test(f))) rmSync(join(artifactsDir, old));

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/** Declares a check; `page()` is read when it runs (the browser starts in a `before` hook). */
export function step(name: string, page: () => Page | undefined, body: (page: Page) => Promise<void>, timeoutMs = 120_000): void {
  const file = `${String(++counter).padStart(2, '0')}-${slug(name)}`;
  it(name, { timeout: timeoutMs }, async () => {
    const current = page();
    if (!current) throw new Error('no browser page: the workbench did not start (see the hook failure above)');
    mkdirSync(artifactsDir, { recursive: true });
    try {
      await body(current);
      await current.screenshot({ path: join(artifactsDir, `${file}.png`) });
    } catch (error) {
      await current.screenshot({ path: join(artifactsDir, `${file}-failed.png`) }).catch(() => undefined);
      throw error;
    }
  });
}
