import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written into a downloaded model's folder: which Hub repository (and revision) it holds. */
export interface SourceMarker {
  hubId: string;
  revision: string;
  downloadedAt: string;
}

const MARKER_FILE = '.transformer-factors-source.json';

export function readSourceMarker(dir: string): SourceMarker | undefined {
  const path = join(dir, MARKER_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const marker = JSON.parse(readFileSync(path, 'utf8')) as Partial<SourceMarker>;
    return typeof marker.hubId === 'string' && typeof marker.revision === 'string' ? (marker as SourceMarker) : undefined;
  } catch {
    return undefined;
  }
}

export function writeSourceMarker(dir: string, marker: SourceMarker): void {
  writeFileSync(join(dir, MARKER_FILE), JSON.stringify(marker, null, 2) + '\n');
}
