import { listBrownFiles, type BrownFile } from './brownFiles';

/**
 * The held-out texts: in each category, round(n / 20) of its n files (at least one), evenly
 * spaced through the category in file order (file floor((i + ½)·n / k) for i < k), since the
 * files of a category run through its sub-genres. 25 of the 500 files, 2,957 of the 57,340
 * sentences (5.2%). Fixed here so that it never changes with the code that chose it.
 */
export const BROWN_HELD_OUT_FILES: readonly string[] = [
  'ca12', 'ca34', 'cb14', 'cc09', 'cd09', 'ce10', 'ce28', 'cf13', 'cf37', 'cg10', 'cg29', 'cg47', 'cg66',
  'ch08', 'ch23', 'cj11', 'cj31', 'cj51', 'cj71', 'ck15', 'cl13', 'cm04', 'cn15', 'cp15', 'cr05',
];

/** Train / held-out split of the Brown texts (held-out: BROWN_HELD_OUT_FILES), both in file order. */
export function brownSplit(files: readonly BrownFile[] = listBrownFiles()): { train: BrownFile[]; heldOut: BrownFile[] } {
  const heldOut = new Set(BROWN_HELD_OUT_FILES);
  return { train: files.filter((f) => !heldOut.has(f.fileId)), heldOut: files.filter((f) => heldOut.has(f.fileId)) };
}
