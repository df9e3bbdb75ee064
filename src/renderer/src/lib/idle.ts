/**
 * Runs `work` when the page is idle, at the latest after `timeout` ms: background reading that
 * must not compete with what the student just asked for (opening a view, drawing a card).
 */
export function whenIdle(work: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout })
  else setTimeout(work, 0)
}

/** The longest slice of background work run in one go, so a click or a switch waits at most this. */
const SLICE_MS = 8

/**
 * Runs `step` over `items` in slices of a few milliseconds of idle time each: work too long for
 * one task (a walk over 100,000 cards) that would otherwise land inside a view switch.
 */
export async function inIdleSlices<T>(
  items: Iterable<T>,
  step: (item: T) => void,
  timeout = 2_000
): Promise<void> {
  const iterator = items[Symbol.iterator]()
  for (;;) {
    await nextIdle(timeout)
    const end = performance.now() + SLICE_MS
    // The clock is read every few hundred items: reading it is not free either.
    for (let n = 0; ; n++) {
      const next = iterator.next()
      if (next.done) return
      step(next.value)
      if (n % 256 === 255 && performance.now() >= end) break
    }
  }
}

/** Resolves in the page's next idle time (at the latest after `timeout` ms). */
export function nextIdle(timeout = 2_000): Promise<void> {
  return new Promise((resolve) => whenIdle(resolve, timeout))
}
