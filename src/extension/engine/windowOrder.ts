import type { Window } from '../../core/encode/windowPlan';

/**
 * The windows in the order to decompose them: those whose own tokens meet [first, last] (what
 * the editor shows) first, then the rest of the document after them, then before them nearest
 * first, so the text around the view is ready before the far ends.
 */
export function priorityOrder(windows: readonly Window[], first: number, last: number): Window[] {
  const meets = (w: Window) => w.ownEnd > first && w.ownStart <= last;
  const firstShown = windows.findIndex(meets);
  if (firstShown < 0) return [...windows];
  let afterShown = firstShown;
  while (afterShown < windows.length && meets(windows[afterShown])) afterShown++;
  return [...windows.slice(firstShown, afterShown), ...windows.slice(afterShown), ...windows.slice(0, firstShown).reverse()];
}

/** The tokens [first, last] that overlap characters [start, end), by binary search over sorted token starts. */
export function tokenSpanOf(starts: ArrayLike<number>, ends: ArrayLike<number>, start: number, end: number): { first: number; last: number } | undefined {
  const n = starts.length;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  lo = first;
  hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < end) lo = mid + 1;
    else hi = mid;
  }
  const last = lo - 1;
  return first <= last ? { first, last } : undefined;
}
