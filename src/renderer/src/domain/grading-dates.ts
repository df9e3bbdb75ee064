/**
 * Typed dates judged by their parts: a date is right when every part it gives agrees with the
 * source's date, so "December 1890" and "1 December 1890" are right for "1 December 1890", and
 * "August 2014" for "2014" (more precise than the source cannot be wrong by the source).
 */
import type { EventDate } from '$shared/pack-schema'
import { foldText } from './text-fold'

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december'
]

/** A date as typed: any of its parts may be missing. */
export interface TypedDate {
  year?: number
  endYear?: number
  month?: number
  day?: number
}

/** Reads "1 December 1890", "Dec 1, 1890", "1890-12-01", "1910–1920", "1910-20", "August 2014". */
export function parseDate(text: string): TypedDate | null {
  const t = foldText(text).trim()
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t)
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }
  const date: TypedDate = {}
  const range = /\b(\d{4})\s*(?:-|to|until|–)\s*(\d{2,4})\b/.exec(t)
  if (range) {
    date.year = Number(range[1])
    const end = range[2]!
    date.endYear = end.length === 4 ? Number(end) : Math.floor(date.year / 100) * 100 + Number(end)
  } else {
    const years = [...t.matchAll(/\b(\d{4})\b/g)].map((m) => Number(m[1]))
    if (years.length > 1) return null
    if (years.length === 1) date.year = years[0]
  }
  const month = /\b([a-z]{3,9})\b/g
  for (const m of t.matchAll(month)) {
    const index = MONTHS.findIndex((name) => name.startsWith(m[1]!) && m[1]!.length >= 3)
    if (index >= 0) {
      date.month = index + 1
      break
    }
  }
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(t.replace(/\b\d{4}\b/g, ' '))
  if (day && !range) date.day = Number(day[1])
  if (date.year === undefined) return null
  if (date.day !== undefined && date.month === undefined) return null
  return date
}

/** The verdict on a typed date: right, and whether it gave every part the source gives. */
export interface DateGrade {
  correct: boolean
  /** True when it names the date as precisely as the source does. */
  exact: boolean
}

/** Grades a typed date against the source's date, at the source's precision. */
export function gradeDate(text: string, expected: EventDate): DateGrade {
  const typed = parseDate(text)
  if (!typed) return { correct: false, exact: false }
  if (expected.precision === 'range') {
    const correct = typed.year === expected.year && typed.endYear === expected.endYear
    return { correct, exact: correct }
  }
  if (typed.endYear !== undefined || typed.year !== expected.year) {
    return { correct: false, exact: false }
  }
  const month = expected.precision === 'day' || expected.precision === 'month' ? expected.month : 0
  const day = expected.precision === 'day' ? expected.day : 0
  if (month && typed.month !== undefined && typed.month !== month) {
    return { correct: false, exact: false }
  }
  if (day && typed.day !== undefined && typed.day !== day) return { correct: false, exact: false }
  const exact = (!month || typed.month === month) && (!day || typed.day === day)
  return { correct: true, exact }
}
