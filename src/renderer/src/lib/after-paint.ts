import { whenIdle } from './idle'

/**
 * Runs `work` once the current view has been painted and the frame after it has begun, in idle
 * time (within `timeout` ms): what follows the first screen never holds back its first frames.
 */
export function afterPaint(work: () => void, timeout = 1000): void {
  requestAnimationFrame(() => requestAnimationFrame(() => whenIdle(work, timeout)))
}
