import { whenIdle } from './idle'

/**
 * Runs `work` once the current view has been painted and the frame after it has begun, in idle
 * time (within `timeout` ms): what follows the first screen never holds back its first frames.
 */
export function afterPaint(work: () => void, timeout = 1000): void {
  requestAnimationFrame(() => requestAnimationFrame(() => whenIdle(work, timeout)))
}

/** The longest a write waits for a paint that does not come. */
const FALLBACK_MS = 100

/**
 * Resolves once the frame after this one is painted: what a grade sets off (its transaction, the
 * next draw, the focus) starts once the next card is on screen, not in the key press's task. A
 * hidden page paints no frames, so a fallback timeout goes on anyway (a write is never held back
 * for long); where nothing paints (tests), at once.
 */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined') {
      setTimeout(resolve, 0)
      return
    }
    const fallback = setTimeout(resolve, FALLBACK_MS)
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback)
        resolve()
      }, 0)
    )
  })
}
