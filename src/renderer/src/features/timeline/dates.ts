/**
 * Event dates on the time axis: the span a date covers by its precision, and dates as short words.
 * Times are UTC milliseconds throughout.
 */
import type { EventDate, StudyEvent } from '$shared/pack-schema'
import { MONTH_NAMES as MONTHS } from '../../domain/format'

/** A mean Gregorian year, to turn pixels per year into a tick unit and spans into words. */
export const YEAR_MS = 365.2425 * 24 * 3600 * 1000

/** The first moment the axis shows. */
export const AXIS_START = Date.UTC(1800, 0, 1)

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

/** A month's English name, 0 = January: the axis and its messages speak English. */
export function monthName(month: number): string {
  return MONTHS[month] ?? ''
}

/** A date as short words at its own precision: "1812", "August 1924", "1 December 1890", "1910–1920". */
export function formatEventDate(date: EventDate): string {
  switch (date.precision) {
    case 'day':
      return `${date.day} ${monthName(date.month - 1)} ${date.year}`
    case 'month':
      return `${monthName(date.month - 1)} ${date.year}`
    case 'year':
      return String(date.year)
    case 'range':
      return `${date.year}–${date.endYear}`
  }
}

/** The accessible label of an event on the axis: "Fort Ross established, 1812". */
export function eventLabel(event: StudyEvent): string {
  return `${event.title}, ${formatEventDate(event.date)}`
}

/** The year of a time, for the range shown above the axis and the names of its windows. */
export function yearLabel(time: number): string {
  return String(new Date(time).getUTCFullYear())
}
