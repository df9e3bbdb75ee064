/**
 * Runs `work` when the page is idle, at the latest after `timeout` ms: background reading that
 * must not compete with what the student just asked for (opening a view, drawing a card).
 */
export function whenIdle(work: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout })
  else setTimeout(work, 0)
}
