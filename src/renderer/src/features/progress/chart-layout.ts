/**
 * Geometry of the progress charts, computed with d3-scale so the Svelte components only draw:
 * the calendar heatmap (weeks as columns) and the due-forecast bars.
 */
import { scaleBand, scaleLinear, scaleQuantize } from 'd3-scale'
import type { ForecastDay, HeatmapDay } from '../../domain/stats'

export const CELL = 13
export const GAP = 3

export interface HeatCell extends HeatmapDay {
  x: number
  y: number
  /** 0 for no answers, 1–4 for the quartiles of the busiest day. */
  level: 0 | 1 | 2 | 3 | 4
}

export interface HeatmapLayout {
  width: number
  height: number
  cells: HeatCell[]
  months: { label: string; x: number }[]
  weekdays: { label: string; y: number }[]
  max: number
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Places each day in its week column and weekday row, and buckets the counts into 4 shades. */
export function layoutHeatmap(days: readonly HeatmapDay[]): HeatmapLayout {
  const left = 30
  const top = 18
  const weeks = (days.at(-1)?.week ?? 0) + 1
  const x = scaleLinear()
    .domain([0, weeks])
    .range([left, left + weeks * (CELL + GAP)])
  const y = scaleLinear()
    .domain([0, 7])
    .range([top, top + 7 * (CELL + GAP)])
  const max = Math.max(0, ...days.map((d) => d.count))
  const shade = scaleQuantize<1 | 2 | 3 | 4>()
    .domain([1, Math.max(2, max + 1)])
    .range([1, 2, 3, 4])
  const cells = days.map((d) => ({
    ...d,
    x: x(d.week),
    y: y(d.weekday),
    level: d.count === 0 ? (0 as const) : shade(d.count)
  }))
  // A month label above the first week column that starts in that month.
  const months: HeatmapLayout['months'] = []
  let lastMonth = -1
  for (const d of days) {
    if (d.weekday !== 0 && d !== days[0]) continue
    const month = new Date(d.start).getMonth()
    if (month !== lastMonth) {
      if (lastMonth !== -1 || new Date(d.start).getDate() <= 7) {
        months.push({ label: MONTHS[month]!, x: x(d.week) })
      }
      lastMonth = month
    }
  }
  const weekdays = [
    { label: 'Mon', y: y(1) + CELL / 2 },
    { label: 'Wed', y: y(3) + CELL / 2 },
    { label: 'Fri', y: y(5) + CELL / 2 }
  ]
  return { width: x(weeks), height: y(7), cells, months, weekdays, max }
}

export interface ForecastLayout {
  width: number
  height: number
  plot: { left: number; right: number; top: number; bottom: number }
  bars: (ForecastDay & { x: number; y: number; width: number; height: number })[]
  yTicks: { value: number; y: number }[]
  xTicks: { label: string; x: number }[]
}

/** Bars for the next days' due cards, with a y axis of whole numbers. */
export function layoutForecast(
  days: readonly ForecastDay[],
  width = 520,
  height = 220
): ForecastLayout {
  const plot = { left: 34, right: width - 8, top: 10, bottom: height - 26 }
  const x = scaleBand<number>()
    .domain(days.map((d) => d.offset))
    .range([plot.left, plot.right])
    .paddingInner(0.2)
  const max = Math.max(1, ...days.map((d) => d.count))
  const y = scaleLinear().domain([0, max]).nice(4).range([plot.bottom, plot.top])
  const yTicks = y
    .ticks(Math.min(4, max))
    .filter(Number.isInteger)
    .map((value) => ({ value, y: y(value) }))
  const bars = days.map((d) => ({
    ...d,
    x: x(d.offset) ?? 0,
    y: y(d.count),
    width: x.bandwidth(),
    height: plot.bottom - y(d.count)
  }))
  const xTicks = days
    .filter((d) => d.offset % 7 === 0)
    .map((d) => ({
      label: d.offset === 0 ? 'Today' : `+${d.offset}d`,
      x: (x(d.offset) ?? 0) + x.bandwidth() / 2
    }))
  return { width, height, plot, bars, yTicks, xTicks }
}
