/**
 * The axis's window on time: its x-scale, and how zooming, panning, centring and fitting move it
 * within the bounds. Pure: the viewport state (viewport.svelte.ts) and the gestures call these.
 */
import { scaleUtc, type ScaleTime } from 'd3-scale'
import { AXIS_START, YEAR_MS, monthName } from './dates'
import type { TimelineItem } from './event-index'
import { DAY_MS } from '../../domain/study-queue'

/** A span of time on the axis, start inclusive and end exclusive (UTC ms). */
export interface TimeWindow {
  start: number
  end: number
}

/** The shortest window the axis zooms to (two months: days are still apart). */
export const MIN_SPAN = 60 * DAY_MS

/** The whole axis, 1800 to today. */
export function axisBounds(now: Date = new Date()): TimeWindow {
  return { start: AXIS_START, end: now.getTime() }
}

/** The x-scale of a window drawn `width` pixels wide. */
export function timeScale(window: TimeWindow, width: number): ScaleTime<number, number> {
  return scaleUtc()
    .domain([new Date(window.start), new Date(window.end)])
    .range([0, width])
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))

/** Keeps a window inside the bounds, shifting it rather than shrinking it where it can. */
export function clampWindow(window: TimeWindow, bounds: TimeWindow): TimeWindow {
  const span = window.end - window.start
  if (span >= bounds.end - bounds.start) return { ...bounds }
  if (window.start < bounds.start) return { start: bounds.start, end: bounds.start + span }
  if (window.end > bounds.end) return { start: bounds.end - span, end: bounds.end }
  return window
}

/** Zooms by `factor` (< 1 zooms in) keeping the time under `anchor` where it is. */
export function zoomWindow(
  window: TimeWindow,
  anchor: number,
  factor: number,
  bounds: TimeWindow,
  minSpan = MIN_SPAN
): TimeWindow {
  const span = window.end - window.start
  const next = clamp(span * factor, minSpan, bounds.end - bounds.start)
  const ratio = next / span
  return clampWindow(
    {
      start: anchor - (anchor - window.start) * ratio,
      end: anchor + (window.end - anchor) * ratio
    },
    bounds
  )
}

/**
 * The time a zoom step keeps in place when no pointer says where: the middle of the first of
 * `candidates` (the focused event, then the selected one) that is in the window, else the
 * window's centre. Zooming in then closes on an event instead of on whatever the centre holds.
 */
export function zoomAnchor(
  window: TimeWindow,
  candidates: readonly (TimelineItem | undefined)[]
): number {
  for (const item of candidates) {
    if (!item || item.end < window.start || item.start > window.end) continue
    // A span that runs past the window is anchored on its visible part.
    return (Math.max(item.start, window.start) + Math.min(item.end, window.end)) / 2
  }
  return (window.start + window.end) / 2
}

/** A window in words for a message: "1865 and 1866", or by month when it is short. */
export function windowWords(window: TimeWindow): { from: string; to: string } {
  const a = new Date(window.start)
  const b = new Date(window.end)
  if (window.end - window.start < 2 * YEAR_MS) {
    const month = (d: Date) => `${monthName(d.getUTCMonth())} ${d.getUTCFullYear()}`
    return { from: month(a), to: month(b) }
  }
  return { from: String(a.getUTCFullYear()), to: String(b.getUTCFullYear()) }
}

/** Moves a window by `delta` ms, within the bounds. */
export function panWindow(window: TimeWindow, delta: number, bounds: TimeWindow): TimeWindow {
  return clampWindow({ start: window.start + delta, end: window.end + delta }, bounds)
}

/** A window of the same span centred on a time. */
export function centerWindow(window: TimeWindow, time: number, bounds: TimeWindow): TimeWindow {
  const half = (window.end - window.start) / 2
  return clampWindow({ start: time - half, end: time + half }, bounds)
}

/**
 * The window after the keys move to an event: unchanged while the event is well inside it (5 %
 * from either edge), else the same span centred a little into the event, so a long span shows
 * its start.
 */
export function windowShowing(
  window: TimeWindow,
  item: TimelineItem,
  bounds: TimeWindow
): TimeWindow {
  const span = window.end - window.start
  const margin = span * 0.05
  if (item.start <= window.end - margin && item.end >= window.start + margin) return window
  return centerWindow(window, (item.start + Math.min(item.end, item.start + span / 3)) / 2, bounds)
}

/** The window that shows all the items with a margin; the bounds when there are none. */
export function fitWindow(
  items: readonly TimelineItem[],
  bounds: TimeWindow,
  margin = 0.04,
  minSpan = MIN_SPAN
): TimeWindow {
  if (items.length === 0) return { ...bounds }
  let start = Infinity
  let end = -Infinity
  for (const item of items) {
    start = Math.min(start, item.start)
    end = Math.max(end, item.end)
  }
  let span = Math.max(end - start, minSpan)
  const mid = (start + end) / 2
  span *= 1 + 2 * margin
  const lo = Math.max(bounds.start, mid - span / 2)
  const hi = Math.min(bounds.end, mid + span / 2)
  return clampWindow({ start: lo, end: Math.max(hi, lo + Math.min(span, bounds.end - lo)) }, bounds)
}

/**
 * A zoom transform (d3-zoom's k and x) for a window: the bounds drawn `width` pixels wide, scaled
 * by k and shifted by x. Gestures work on transforms, the rest of the axis on windows.
 */
export function windowToTransform(
  window: TimeWindow,
  bounds: TimeWindow,
  width: number
): { k: number; x: number } {
  const full = bounds.end - bounds.start
  const k = full / (window.end - window.start)
  return { k, x: (-k * (window.start - bounds.start) * width) / full }
}

/** The window a zoom transform shows (the inverse of `windowToTransform`). */
export function transformToWindow(
  transform: { k: number; x: number },
  bounds: TimeWindow,
  width: number
): TimeWindow {
  const full = bounds.end - bounds.start
  const start = bounds.start + ((-transform.x / transform.k) * full) / width
  return { start, end: start + full / transform.k }
}
