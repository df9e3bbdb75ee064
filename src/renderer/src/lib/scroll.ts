/**
 * Scrolling the window to an offset once a view has drawn enough to reach it: views that read
 * the database grow after they mount, so the scroll is tried again each frame for a moment, and
 * given up as soon as the student scrolls, types or clicks themselves.
 */

const GIVE_UP_MS = 2000
const USER_INPUT = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const

let cancelPending: (() => void) | undefined

/** Scrolls to `top` now, and again each frame until the page is tall enough, for up to 2 s. */
export function scrollWhenReady(top: number): void {
  cancelPending?.()
  const started = performance.now()
  let frame = 0
  const stop = () => {
    cancelAnimationFrame(frame)
    for (const type of USER_INPUT) window.removeEventListener(type, stop, true)
    if (cancelPending === stop) cancelPending = undefined
  }
  const attempt = () => {
    window.scrollTo({ top, behavior: 'instant' })
    const reached = Math.abs(window.scrollY - top) <= 1
    if (reached || performance.now() - started > GIVE_UP_MS) stop()
    else frame = requestAnimationFrame(attempt)
  }
  for (const type of USER_INPUT) window.addEventListener(type, stop, { capture: true, once: true })
  cancelPending = stop
  attempt()
}
