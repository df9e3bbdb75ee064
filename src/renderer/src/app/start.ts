/**
 * Runs `work` once the first view has been painted and the frame after it has begun, in idle
 * time (within a second): what follows the article never holds back its first frames.
 */
export function afterPaint(work: () => void): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 1000 })
      else setTimeout(work, 0)
    })
  )
}
