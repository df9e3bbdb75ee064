/**
 * Label packing: how event labels stack into rows (or fold into "+N" clusters) so that they never
 * overlap, in one pass over the events in view.
 */
import type { ScaleTime } from 'd3-scale'
import type { TimelineItem } from './event-index'

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))

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
  /** Where its first and last events sit in the laid-out array, to name them without a copy. */
  first: number
  last: number
}

/** A frame's labels: the events that got a row, the badges and the unlabelled markers. */
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

/** The room the labels have, and how to measure them. */
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
