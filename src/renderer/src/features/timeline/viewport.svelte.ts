/**
 * The axis's viewport as state: the window on time and the surface's size, and the moves the keys,
 * buttons and gestures make. Every move a person makes goes through `setWindow`, which tells the
 * axis (to announce the new range); a window set for them (a filter, a deep link) does not.
 */
import { countVisible, type TimelineIndex, type TimelineItem } from './event-index'
import {
  clampWindow,
  fitWindow,
  panWindow,
  timeScale,
  windowShowing,
  zoomWindow,
  type TimeWindow
} from './time-window'

/** The window and size of one axis, and the moves that change them. */
export class Viewport {
  /** The window on time the axis shows. */
  window: TimeWindow = $state.raw({ start: 0, end: 1 })
  /** The drawing surface's size in CSS px (0 until it is laid out). */
  width = $state(0)
  height = $state(0)

  readonly bounds: TimeWindow
  readonly #moved: () => void

  constructor(bounds: TimeWindow, initial: TimeWindow, moved: () => void) {
    this.bounds = bounds
    this.window = initial
    this.#moved = moved
  }

  /** A window set for the person (a new filter, a deep link): no announcement. */
  reset = (next: TimeWindow): void => {
    this.window = next
  }

  /** A move the person made; nothing happens when the window stays where it is. */
  setWindow = (next: TimeWindow): void => {
    if (next.start === this.window.start && next.end === this.window.end) return
    this.window = next
    this.#moved()
  }

  /** A window from a gesture, kept within the bounds. */
  moveTo = (next: TimeWindow): void => this.setWindow(clampWindow(next, this.bounds))

  /** Zooms by `factor` (< 1 zooms in) around a time. */
  zoomBy = (factor: number, anchor: number): void =>
    this.setWindow(zoomWindow(this.window, anchor, factor, this.bounds))

  /** Pans by a fraction of the window's span. */
  panBy = (fraction: number): void =>
    this.setWindow(
      panWindow(this.window, (this.window.end - this.window.start) * fraction, this.bounds)
    )

  /** Shows all the given events. */
  fit = (items: readonly TimelineItem[]): void => this.setWindow(fitWindow(items, this.bounds))

  /** Brings an event into view if it is near an edge or out of the window. */
  show = (item: TimelineItem): void => this.setWindow(windowShowing(this.window, item, this.bounds))

  /** The time under a pixel of the surface. */
  timeAt = (px: number): number => timeScale(this.window, this.width).invert(px).getTime()

  /** How many events of an index the window holds. */
  countIn = (index: TimelineIndex): number => countVisible(index, this.window)
}
