// What the extension's package.json promises the editor: command titles and view containers,
// so the UI suite looks for exactly what a user would see.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './codeServer';

interface Manifest {
  publisher: string;
  name: string;
  contributes?: {
    commands?: Array<{ command: string; title: string; category?: string }>;
    viewsContainers?: { activitybar?: Array<{ id: string; title: string }> };
  };
}

export const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
export const extensionId = `${manifest.publisher}.${manifest.name}`;

/** The command palette's title of a contributed command ("Category: Title"). */
export function paletteTitle(commandId: string): string {
  const command = manifest.contributes?.commands?.find((c) => c.command === commandId);
  if (!command) throw new Error(`package.json contributes no command ${commandId}`);
  return command.category ? `${command.category}: ${command.title}` : command.title;
}

/** The title of the extension's activity-bar view container. */
export function activityTitle(): string {
  const container = manifest.contributes?.viewsContainers?.activitybar?.[0];
  if (!container) throw new Error('package.json contributes no activity-bar view container (the sidebar)');
  return container.title;
}
