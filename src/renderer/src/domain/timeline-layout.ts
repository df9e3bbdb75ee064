/**
 * Timeline layout as pure functions: where each event sits on the time axis by the precision of
 * its date, which events a window shows (binary search, so off-screen events cost nothing), which
 * ticks a zoom level gets, and how labels stack into rows (or fold into "+N" clusters) so that
 * they never overlap. The x-scale is d3's `scaleUtc`; times are UTC milliseconds throughout.
 */
import { scaleUtc, type ScaleTime } from 'd3-scale'
import type { Era, EventDate, StudyEvent } from '$shared/pack-schema'

export const YEAR_MS = 365.2425 * 24 * 3600 * 1000
export const DAY_MS = 24 * 3600 * 1000

/** The first moment the axis shows. */
export const AXIS_START = Date.UTC(1800, 0, 1)

/** A span of time on the axis, start inclusive and end exclusive (UTC ms). */
export interface TimeWindow {
  start: number
  end: number
}

/** The whole axis, 1800 to today. */
export function axisBounds(now: Date = new Date()): TimeWindow {
  return { start: AXIS_START, end: now.getTime() }
}

/** One event placed in time: spans keep their length, a day is a point. */
export interface TimelineItem {
  id: string
  event: StudyEvent
  start: number
  end: number
  point: boolean
  /** What a screen reader and the label say: "Fort Ross established, 1812". */
  label: string
}

/** The span a date covers: a year spans its year, a month its month, a range its years; a day is a point. */
export function eventSpan(date: EventDate): { start: number; end: number; point: boolean } {
  switch (date.precision) {
    case 'day': {
      const t = Date.UTC(date.year, date.month - 1, date.day, 12)
      return { start: t, end: t, point: true }
    }
    case 'month':
      return {
        start: Date.UTC(date.year, date.month - 1, 1),
        end: Date.UTC(date.year, date.month, 1),
        point: false
      }
    case 'year':
      return { start: Date.UTC(date.year, 0, 1), end: Date.UTC(date.year + 1, 0, 1), point: false }
    case 'range':
      return {
        start: Date.UTC(date.year, 0, 1),
        end: Date.UTC(date.endYear + 1, 0, 1),
        point: false
      }
  }
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]

/** A date as short words at its own precision: "1812", "August 1924", "1 December 1890", "1910–1920". */
export function formatEventDate(date: EventDate): string {
  switch (date.precision) {
    case 'day':
      return `${date.day} ${MONTHS[date.month - 1]} ${date.year}`
    case 'month':
      return `${MONTHS[date.month - 1]} ${date.year}`
    case 'year':
      return String(date.year)
    case 'range':
      return `${date.year}–${date.endYear}`
  }
}

/** The accessible label of an event: "Fort Ross established, 1812". */
export function eventLabel(event: StudyEvent): string {
  return `${event.title}, ${formatEventDate(event.date)}`
}

/** Events sorted by start, with the starts in a typed array for binary search. */
export interface TimelineIndex {
  items: TimelineItem[]
  starts: Float64Array
  /** The longest span, so a window query knows how far back a visible span can start. */
  maxDuration: number
}

/** Places and sorts events (by start, then end, then title) for fast window queries. */
export function buildIndex(events: readonly StudyEvent[]): TimelineIndex {
  const items = events.map((event): TimelineItem => {
    const span = eventSpan(event.date)
    return { id: event.id, event, ...span, label: eventLabel(event) }
  })
  items.sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label))
  let maxDuration = 0
  for (const item of items) maxDuration = Math.max(maxDuration, item.end - item.start)
  return { items, starts: Float64Array.from(items, (i) => i.start), maxDuration }
}

/** The first index whose value is ≥ `value` (or > it when `strict`). */
export function lowerBound(sorted: ArrayLike<number>, value: number, strict = false): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const v = sorted[mid] as number
    if (v < value || (strict && v === value)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The index range [first, last) that can hold events visible in a window: only events that start
 * at most `maxDuration` before it and no later than its end are ever looked at.
 */
export function candidateRange(index: TimelineIndex, window: TimeWindow): [number, number] {
  const first = lowerBound(index.starts, window.start - index.maxDuration)
  const last = lowerBound(index.starts, window.end, true)
  return [first, Math.max(first, last)]
}

/** The events that overlap a window, in start order. */
export function visibleItems(index: TimelineIndex, window: TimeWindow): TimelineItem[] {
  const [first, last] = candidateRange(index, window)
  const out: TimelineItem[] = []
  for (let i = first; i < last; i++) {
    const item = index.items[i] as TimelineItem
    if (item.end >= window.start) out.push(item)
  }
  return out
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

/** The shortest window the axis zooms to (two months: days are still apart). */
export const MIN_SPAN = 60 * DAY_MS

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
    const month = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
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

export type TickUnit = 'century' | 'decade' | 'year' | 'month'
export const TICK_UNITS: readonly TickUnit[] = ['century', 'decade', 'year', 'month']

/** The finest unit whose ticks stay at least `minSpacing` pixels apart. */
export function tickUnitFor(pxPerYear: number, minSpacing = 38): TickUnit {
  if (pxPerYear / 12 >= minSpacing) return 'month'
  if (pxPerYear >= minSpacing) return 'year'
  if (pxPerYear * 10 >= minSpacing) return 'decade'
  return 'century'
}

export interface Tick {
  time: number
  x: number
  label: string
  /** A tick that starts a larger unit (a new year among months, a century among decades). */
  strong: boolean
}

export interface TickSet {
  unit: TickUnit
  ticks: Tick[]
  /** Unlabelled ticks of the next finer unit, where they are at least 4 px apart. */
  minor: number[]
}

const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3))

function yearTicks(from: number, to: number, step: number): number[] {
  const first = Math.ceil(new Date(from).getUTCFullYear() / step) * step
  const out: number[] = []
  for (let y = first; ; y += step) {
    const t = Date.UTC(y, 0, 1)
    if (t > to) break
    if (t >= from) out.push(t)
  }
  return out
}

function monthTicks(from: number, to: number): number[] {
  const d = new Date(from)
  let y = d.getUTCFullYear()
  let m = d.getUTCMonth()
  const out: number[] = []
  for (;;) {
    const t = Date.UTC(y, m, 1)
    if (t > to) break
    if (t >= from) out.push(t)
    m += 1
    if (m === 12) {
      m = 0
      y += 1
    }
  }
  return out
}

function unitTimes(unit: TickUnit, from: number, to: number): number[] {
  if (unit === 'month') return monthTicks(from, to)
  return yearTicks(from, to, unit === 'century' ? 100 : unit === 'decade' ? 10 : 1)
}

/** Ticks for a scale: the unit follows the zoom (centuries, decades, years, months). */
export function generateTicks(scale: ScaleTime<number, number>): TickSet {
  const [d0, d1] = scale.domain() as [Date, Date]
  const [r0, r1] = scale.range() as [number, number]
  const from = d0.getTime()
  const to = d1.getTime()
  const width = Math.abs(r1 - r0)
  const pxPerYear = width / ((to - from) / YEAR_MS)
  const unit = tickUnitFor(pxPerYear)
  const ticks = unitTimes(unit, from, to).map((time): Tick => {
    const date = new Date(time)
    const year = date.getUTCFullYear()
    const month = date.getUTCMonth()
    if (unit === 'month') {
      return {
        time,
        x: scale(date),
        label: month === 0 ? String(year) : (SHORT_MONTHS[month] as string),
        strong: month === 0
      }
    }
    const strong =
      unit === 'century' ? true : unit === 'decade' ? year % 100 === 0 : year % 10 === 0
    return { time, x: scale(date), label: String(year), strong }
  })
  const finer = TICK_UNITS[TICK_UNITS.indexOf(unit) + 1]
  const finerPx =
    finer === 'decade'
      ? pxPerYear * 10
      : finer === 'year'
        ? pxPerYear
        : finer === 'month'
          ? pxPerYear / 12
          : 0
  const minor =
    finer && finerPx >= 4 ? unitTimes(finer, from, to).map((t) => scale(new Date(t))) : []
  return { unit, ticks, minor }
}

/** An event whose label got a row. */
export interface PlacedLabel {
  item: TimelineItem
  row: number
  /** The marker: a point (x0 = x1) or a bar. */
  markerX0: number
  markerX1: number
  /** Where the label text starts, and the end of all the row space the event takes. */
  labelX: number
  labelWidth: number
  end: number
}

/** Events with no room for a label, folded into one "+N" badge. */
export interface LabelCluster {
  x: number
  width: number
  count: number
  /** The time span of its events, to zoom into. */
  start: number
  end: number
  firstId: string
  /** Where its first and last events sit in the laid-out array, to name them without a copy. */
  first: number
  last: number
}

export interface LabelLayout {
  placed: PlacedLabel[]
  clusters: LabelCluster[]
  /** How many visible events got no label. */
  hiddenCount: number
  /**
   * The markers of the events without a label, for a density strip: pairs (x0, x1) in
   * `hiddenSpans[0 .. 2 × hiddenCount)`. Typed and reused, so a frame allocates nothing per event.
   */
  hiddenSpans: Float64Array
}

export interface LabelLayoutOptions {
  width: number
  rows: number
  /** The label's width in px; only called for events that may get a row. */
  measure: (item: TimelineItem) => number
  /** Space kept between two labels in a row. */
  gap?: number
  /** Width of a "+N" badge, and so the least distance between two badges. */
  clusterWidth?: number
  /** An event that must get a label (the focused one), in row 0. */
  pinnedId?: string
  /** A buffer to reuse for `hiddenSpans` (grown when too small). */
  spans?: Float64Array
}

/** The affine map of a linear time scale: x = (t − t0) × k. */
function affine(scale: ScaleTime<number, number>): { t0: number; k: number; x0: number } {
  const [d0, d1] = scale.domain() as [Date, Date]
  const [r0, r1] = scale.range() as [number, number]
  const t0 = d0.getTime()
  const span = d1.getTime() - t0
  return { t0, k: span === 0 ? 0 : (r1 - r0) / span, x0: r0 }
}

/**
 * Stacks labels into rows from left to right, greedily: an event goes into the first row that is
 * free at its start; when none is, it joins a "+N" cluster. No two labels in a row overlap, and
 * no two clusters do either. `items` is a slice `[first, last)` of `source` (all of it by default),
 * so a caller can pass the index's own array and a candidate range without copying.
 *
 * Cost: one pass over the events with plain arithmetic (the scale is linear, so x is an affine
 * function of time) and no allocation per unlabelled event; an event that cannot get a row is
 * rejected by one comparison against the lowest row end, without measuring its label.
 */
export function layoutLabels(
  source: readonly TimelineItem[],
  scale: ScaleTime<number, number>,
  options: LabelLayoutOptions,
  first = 0,
  last = source.length,
  /** Events that end before this time are skipped (the window's start). */
  visibleFrom = -Infinity
): LabelLayout {
  const { width, rows, measure, gap = 10, clusterWidth = 46, pinnedId } = options
  const { t0, k, x0: r0 } = affine(scale)
  const xOf = (t: number) => r0 + (t - t0) * k
  const rowCount = Math.max(0, rows)
  const rowEnd = new Float64Array(rowCount).fill(-Infinity)
  // The smallest row end, kept up to date: an event that starts before it can get no row.
  let lowest = rowCount > 0 ? -Infinity : Infinity
  const placed: PlacedLabel[] = []
  let spans = options.spans ?? new Float64Array(256)
  let hiddenCount = 0

  const markerEnd = (item: TimelineItem, markerX0: number) =>
    item.point ? markerX0 : Math.max(xOf(item.end), markerX0 + 3)

  // The pinned event owns its stretch of row 0.
  let pinned: { start: number; end: number } | undefined
  let pinnedItem: TimelineItem | undefined
  if (pinnedId !== undefined) {
    for (let i = first; i < last; i++) {
      const item = source[i] as TimelineItem
      if (item.id === pinnedId && item.end >= visibleFrom) {
        pinnedItem = item
        break
      }
    }
  }
  if (pinnedItem && rowCount > 0) {
    const markerX0 = xOf(pinnedItem.start)
    const w = measure(pinnedItem)
    const labelX = Math.max(0, Math.min(Math.max(markerX0, 0), width - w))
    pinned = { start: labelX, end: Math.max(markerEnd(pinnedItem, markerX0), labelX + w) }
  }

  const hide = (a: number, b: number) => {
    if (2 * hiddenCount + 2 > spans.length) {
      const grown = new Float64Array(spans.length * 2)
      grown.set(spans)
      spans = grown
    }
    spans[2 * hiddenCount] = a
    spans[2 * hiddenCount + 1] = b
    hiddenCount++
  }

  const clusters: LabelCluster[] = []
  let current: LabelCluster | undefined
  const maxClusterX = Math.max(0, width - clusterWidth)
  const addHidden = (item: TimelineItem, at: number, a: number, b: number) => {
    hide(a, b)
    // Clusters, in the same pass: hidden events come in start order, so their x only grows.
    const x = clamp(a, 0, maxClusterX)
    if (current && x < current.x + clusterWidth + gap) {
      current.count += 1
      if (item.start < current.start) current.start = item.start
      if (item.end > current.end) current.end = item.end
      current.last = at
      return
    }
    current = {
      x,
      width: clusterWidth,
      count: 1,
      start: item.start,
      end: item.end,
      firstId: item.id,
      first: at,
      last: at
    }
    clusters.push(current)
  }

  for (let i = first; i < last; i++) {
    const item = source[i] as TimelineItem
    if (item.end < visibleFrom) continue
    const markerX0 = xOf(item.start)
    const markerX1 = markerEnd(item, markerX0)
    let labelX = markerX0 > 0 ? markerX0 : 0
    if (item === pinnedItem && pinned) {
      const w = measure(item)
      placed.push({
        item,
        row: 0,
        markerX0,
        markerX1,
        labelX: pinned.start,
        labelWidth: w,
        end: pinned.end
      })
      if (rowCount > 0) rowEnd[0] = Math.max(rowEnd[0] as number, pinned.end)
      lowest = rowMin(rowEnd)
      continue
    }
    // No row is free at the label's start (which only slides left from here): hidden.
    if (lowest + gap > labelX) {
      addHidden(item, i, markerX0, markerX1)
      continue
    }
    let row = -1
    let w = 0
    let end = 0
    for (let r = 0; r < rowCount; r++) {
      if ((rowEnd[r] as number) + gap > labelX) continue
      if (w === 0) {
        w = measure(item)
        // A label that would run off the right edge slides left, over its own marker.
        labelX = Math.max(0, Math.min(labelX, width - w))
        end = Math.max(markerX1, labelX + w)
      }
      if ((rowEnd[r] as number) + gap > labelX) continue
      if (r === 0 && pinned && end + gap > pinned.start && labelX < pinned.end + gap) continue
      row = r
      break
    }
    if (row < 0) {
      addHidden(item, i, markerX0, markerX1)
      continue
    }
    rowEnd[row] = end
    lowest = rowMin(rowEnd)
    placed.push({ item, row, markerX0, markerX1, labelX, labelWidth: w, end })
  }
  return { placed, clusters, hiddenCount, hiddenSpans: spans }
}

function rowMin(rowEnd: Float64Array): number {
  let m = Infinity
  for (let r = 0; r < rowEnd.length; r++) if ((rowEnd[r] as number) < m) m = rowEnd[r] as number
  return m
}

/** An era band and the row it is drawn in (overlapping eras go to a row of their own). */
export interface EraBand {
  era: Era
  start: number
  end: number
  row: number
}

/** Bands for the eras; an era without an end runs to `now`. */
export function layoutEras(eras: readonly Era[], now: Date = new Date()): EraBand[] {
  const bands = eras
    .map((era) => ({
      era,
      start: Date.UTC(era.start, 0, 1),
      end: era.end === undefined ? now.getTime() : Date.UTC(era.end + 1, 0, 1),
      row: 0
    }))
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const rowEnd: number[] = []
  for (const band of bands) {
    // Eras that only touch (one ends in the year the next starts) share a row.
    let row = rowEnd.findIndex((end) => end <= band.start + YEAR_MS)
    if (row < 0) row = rowEnd.length
    rowEnd[row] = band.end
    band.row = row
  }
  return bands
}
