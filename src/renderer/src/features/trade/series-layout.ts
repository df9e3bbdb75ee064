/**
 * Lays out the yearly line chart of exports, imports and balance (Mexico's side) with d3-scale
 * and d3-shape. Pure, so the paths and ticks can be checked without a browser.
 */
import { scaleLinear } from 'd3-scale'
import { line } from 'd3-shape'
import type { SeriesPoint } from './trade-data'

export const SERIES_KEYS = ['exports', 'imports', 'balance'] as const
export type SeriesKey = (typeof SERIES_KEYS)[number]

export const SERIES_LABELS: Record<SeriesKey, string> = {
  exports: 'Exports',
  imports: 'Imports',
  balance: 'Balance (exports − imports)'
}

export interface SeriesLayoutOptions {
  width: number
  height: number
  margin: { top: number; right: number; bottom: number; left: number }
}

export const DEFAULT_SERIES_OPTIONS: SeriesLayoutOptions = {
  width: 720,
  height: 320,
  margin: { top: 16, right: 24, bottom: 32, left: 64 }
}

export interface SeriesLayout {
  width: number
  height: number
  /** The plotting area. */
  plot: { left: number; right: number; top: number; bottom: number }
  lines: { key: SeriesKey; label: string; path: string; end: { x: number; y: number } }[]
  xTicks: { year: number; x: number }[]
  yTicks: { value: number; y: number }[]
  /** Where zero is, drawn stronger when the balance goes below it. */
  zeroY: number
  /** The x of each point, for the year the slider picks. */
  xOf: (year: number) => number
  yOf: (value: number) => number
}

/** The chart for a series of at least two years. */
export function layoutSeries(
  points: SeriesPoint[],
  options: SeriesLayoutOptions = DEFAULT_SERIES_OPTIONS
): SeriesLayout {
  const { width, height, margin } = options
  const plot = {
    left: margin.left,
    right: width - margin.right,
    top: margin.top,
    bottom: height - margin.bottom
  }
  const years = points.map((p) => p.year)
  const values = points.flatMap((p) => SERIES_KEYS.map((k) => p[k]))
  const x = scaleLinear()
    .domain([Math.min(...years), Math.max(...years)])
    .range([plot.left, plot.right])
  const y = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(0, ...values)])
    .range([plot.bottom, plot.top])
    .nice(5)

  const lines = SERIES_KEYS.map((key) => {
    const path =
      line<SeriesPoint>()
        .x((p) => x(p.year))
        .y((p) => y(p[key]))(points) ?? ''
    const last = points[points.length - 1]
    return {
      key,
      label: SERIES_LABELS[key],
      path,
      end: last ? { x: x(last.year), y: y(last[key]) } : { x: plot.right, y: plot.bottom }
    }
  })

  // Whole years only: a tick between two years would name a year that has no data.
  const span = Math.max(...years) - Math.min(...years)
  const xTicks = x
    .ticks(Math.min(span, 8))
    .filter((t) => Number.isInteger(t))
    .map((year) => ({ year, x: x(year) }))

  return {
    width,
    height,
    plot,
    lines,
    xTicks,
    yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
    zeroY: y(0),
    xOf: (year) => x(year),
    yOf: (value) => y(value)
  }
}
