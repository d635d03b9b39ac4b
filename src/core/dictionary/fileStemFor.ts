// Windows refuses these device names as file names, with or without an extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const MAX_CHARACTERS = 100;

/** A file name (without extension) for a dictionary name, safe on every platform. */
export function fileStemFor(name: string): string {
  const letters = name.normalize('NFKC').replace(/[^\p{L}\p{N}._-]+/gu, '-');
  const stem = Array.from(letters).slice(0, MAX_CHARACTERS).join('').replace(/^[.-]+|[.-]+$/g, '');
  if (!stem) return 'dictionary';
  return WINDOWS_RESERVED.test(stem) ? `dictionary-${stem}` : stem;
}
