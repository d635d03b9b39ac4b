// Debian's chromium, headless, driven by playwright-core (playwright's own browser download is
// unreachable offline). The flags keep it from reaching for Google's services on a closed network.
import { chromium, type Browser } from 'playwright-core';
import { join } from 'node:path';
import { artifactsDir, homeFolders } from './codeServer';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `stateDir` receives what chromium writes outside its profile (crash reports, dconf). */
export function launchBrowser(stateDir = join(artifactsDir, 'browser-state')): Promise<Browser> {
  return chromium.launch({
    env: { ...process.env, ...homeFolders(stateDir) },
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}
