/**
 * The axis's ticks: the unit follows the zoom (centuries, decades, years, months), the times come
 * from d3-time's UTC intervals, and a tick that starts a larger unit is drawn stronger.
 */
import type { ScaleTime } from 'd3-scale'
import { utcMonth, utcYear, type TimeInterval } from 'd3-time'
import { YEAR_MS } from './dates'

/** The units the axis counts in, coarsest first. */
export type TickUnit = 'century' | 'decade' | 'year' | 'month'
const TICK_UNITS: readonly TickUnit[] = ['century', 'decade', 'year', 'month']

/** The finest unit whose ticks stay at least `minSpacing` pixels apart. */
export function tickUnitFor(pxPerYear: number, minSpacing = 38): TickUnit {
  if (pxPerYear / 12 >= minSpacing) return 'month'
  if (pxPerYear >= minSpacing) return 'year'
  if (pxPerYear * 10 >= minSpacing) return 'decade'
  return 'century'
}

/** One labelled tick. */
export interface Tick {
  time: number
  x: number
  label: string
  /** A tick that starts a larger unit (a new year among months, a century among decades). */
  strong: boolean
}

/** What the painter draws along the axis. */
export interface TickSet {
  unit: TickUnit
  ticks: Tick[]
  /** Unlabelled ticks of the next finer unit, where they are at least 4 px apart. */
  minor: number[]
}

const SHORT_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec'
]

const INTERVALS: Record<TickUnit, TimeInterval> = {
  century: utcYear.every(100) ?? utcYear,
  decade: utcYear.every(10) ?? utcYear,
  year: utcYear,
  month: utcMonth
}
const UNIT_YEARS: Record<TickUnit, number> = { century: 100, decade: 10, year: 1, month: 1 / 12 }

/** The unit's boundaries from `from` to `to`, both included. */
function unitTimes(unit: TickUnit, from: number, to: number): Date[] {
  return INTERVALS[unit].range(new Date(from), new Date(to + 1))
}

/** Ticks for a scale: the unit follows the zoom (centuries, decades, years, months). */
export function generateTicks(scale: ScaleTime<number, number>): TickSet {
  const [d0, d1] = scale.domain() as [Date, Date]
  const [r0, r1] = scale.range() as [number, number]
  const from = d0.getTime()
  const to = d1.getTime()
  const pxPerYear = Math.abs(r1 - r0) / ((to - from) / YEAR_MS)
  const unit = tickUnitFor(pxPerYear)
  const ticks = unitTimes(unit, from, to).map((date): Tick => {
    const year = date.getUTCFullYear()
    const month = date.getUTCMonth()
    if (unit === 'month') {
      return {
        time: date.getTime(),
        x: scale(date),
        label: month === 0 ? String(year) : (SHORT_MONTHS[month] as string),
        strong: month === 0
      }
    }
    const strong =
      unit === 'century' ? true : unit === 'decade' ? year % 100 === 0 : year % 10 === 0
    return { time: date.getTime(), x: scale(date), label: String(year), strong }
  })
  const finer = TICK_UNITS[TICK_UNITS.indexOf(unit) + 1]
  const minor =
    finer && pxPerYear * UNIT_YEARS[finer] >= 4
      ? unitTimes(finer, from, to).map((date) => scale(date))
      : []
  return { unit, ticks, minor }
}
