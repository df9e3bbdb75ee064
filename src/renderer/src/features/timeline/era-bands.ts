/**
 * Era bands: which row each era is drawn in (overlapping eras get a row of their own), and where
 * an era's name goes so that it is read whole: on one line, on two, or beside a narrow band,
 * and cut with an ellipsis only when nothing else fits.
 */
import type { Era } from '$shared/pack-schema'
import { YEAR_MS } from './dates'

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

/** The height of the era strip: the main band, then 20 px per row of overlapping eras. */
export function eraStripHeight(bands: readonly EraBand[]): number {
  const rows = bands.reduce((n, b) => Math.max(n, b.row + 1), 0)
  return 26 + Math.max(0, rows - 1) * 20
}

/**
 * The longest start of `text` that fits `maxWidth` with an ellipsis ("Russian Fe…"), the whole
 * text when it fits, or '' when not even one letter does. `measure` is the text's drawn width.
 */
export function ellipsize(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text
  let lo = 0
  let hi = text.length - 1
  // The longest prefix (at least one letter) whose ellipsised form fits: a binary search.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (measure(text.slice(0, mid).trimEnd() + '…') <= maxWidth) lo = mid
    else hi = mid - 1
  }
  return lo === 0 ? '' : text.slice(0, lo).trimEnd() + '…'
}

/**
 * A name on two lines, broken at the space that makes the longer line shortest, when both lines
 * fit `maxWidth`; undefined for one word or when they do not fit.
 */
export function twoLines(
  text: string,
  maxWidth: number,
  measure: (s: string) => number
): [string, string] | undefined {
  let best: [string, string] | undefined
  let bestWidth = Infinity
  for (let i = text.indexOf(' '); i > 0; i = text.indexOf(' ', i + 1)) {
    const lines: [string, string] = [text.slice(0, i), text.slice(i + 1)]
    const w = Math.max(measure(lines[0]), measure(lines[1]))
    if (w < bestWidth) {
      best = lines
      bestWidth = w
    }
  }
  return best && bestWidth <= maxWidth ? best : undefined
}

/** Where an era's name is drawn: its lines, the x where they start, and each line's middle y. */
export interface EraLabel {
  lines: string[]
  x: number
  ys: number[]
  /** Drawn on a solid backing (the names of overlapping eras, over the hatching or beside it). */
  backed: boolean
}

/**
 * Where an era's name goes in a frame. A main band's name sits inside the visible part of its band,
 * on one line or two; an overlapping era's name sits inside its thin band when it fits, else just
 * beside it, and never over the next band of its row. `x` maps a time to pixels.
 */
export function placeEraLabel(
  band: EraBand,
  bands: readonly EraBand[],
  x: (time: number) => number,
  width: number,
  measure: (text: string) => number
): EraLabel | undefined {
  const x0 = Math.max(x(band.start), -10)
  const x1 = Math.min(x(band.end), width + 10)
  if (x1 <= 0 || x0 >= width) return undefined
  const next = bands.find((b) => b.row === band.row && b.start > band.start)
  const limit = Math.min(next ? x(next.start) : width, width)
  const label = band.era.label
  const left = Math.max(x0, 0)
  if (band.row === 0) {
    const labelX = left + 8
    const room = Math.min(x1, limit) - labelX - 6
    if (measure(label) <= room) return { lines: [label], x: labelX, ys: [14], backed: false }
    const lines = twoLines(label, room, measure)
    if (lines) return { lines, x: labelX, ys: [8.5, 20], backed: false }
    const text = ellipsize(label, room, measure)
    return text === '' ? undefined : { lines: [text], x: labelX, ys: [14], backed: false }
  }
  const y = 28 + (band.row - 1) * 20 + 9.5
  const right = Math.min(x1, limit)
  const full = measure(label)
  let labelX = left + 8
  let room = right - labelX - 8
  if (full > room && limit - (right + 10) - 6 >= Math.min(full, 60)) {
    labelX = right + 10
    room = limit - labelX - 6
  }
  const text = ellipsize(label, room, measure)
  return text === '' ? undefined : { lines: [text], x: labelX, ys: [y], backed: true }
}
