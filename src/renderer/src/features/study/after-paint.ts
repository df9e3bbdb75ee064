/**
 * Waits until the frame after this one is painted: what a grade sets off (its transaction, the
 * next draw, the saved session) starts once the next card is on screen, not in the key press's
 * task. A timeout queued from an animation frame runs after that frame; a hidden page paints no
 * frames, so a fallback timeout goes on anyway (a write is never held back for long).
 */
const FALLBACK_MS = 100

/** Resolves after the next paint (or after FALLBACK_MS, or at once where nothing paints). */
export function afterPaint(): Promise<void> {
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
