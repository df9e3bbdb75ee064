/**
 * Statistics of the progress view, as pure functions of card rows and review logs: reviews per
 * day, the due forecast, true retention (Anki's definition), counts by state, the streak, time
 * spent and mastery shares. Days are local calendar days, so "today" is the user's today.
 */
import type { CardRow, ReviewLogRow } from './card-state'
import { addDays, dayKey, startOfDay } from './days'
import { totalsOf, type DayTotals, type LogTotals } from './log-totals'
import type { StudyCard } from './study-card'

export { MATURE_DAYS } from './log-totals'
export { addDays, dayKey, startOfDay } from './days'

export interface HeatmapDay {
  key: string
  /** Local midnight. */
  start: number
  count: number
  /** Column: weeks since the first (partial) week shown. */
  week: number
  /** Row: 0 Sunday … 6 Saturday. */
  weekday: number
}

/**
 * The days of the calendar heatmap: the last `weeks` weeks up to today, weeks as columns
 * starting on Sunday (like GitHub and Anki), with the number of answers on each day.
 */
export function heatmapDays(logs: readonly ReviewLogRow[], now: number, weeks = 53): HeatmapDay[] {
  return heatmapFromTotals(totalsOf(logs).days, now, weeks)
}

/** The heatmap's days from day totals. */
export function heatmapFromTotals(
  totals: ReadonlyMap<string, DayTotals>,
  now: number,
  weeks = 53
): HeatmapDay[] {
  const today = startOfDay(now)
  const firstSunday = addDays(today, -new Date(today).getDay() - (weeks - 1) * 7)
  const days: HeatmapDay[] = []
  for (let i = 0; ; i++) {
    const start = addDays(firstSunday, i)
    if (start > today) break
    const key = dayKey(start)
    days.push({
      key,
      start,
      count: totals.get(key)?.count ?? 0,
      week: Math.floor(i / 7),
      weekday: i % 7
    })
  }
  return days
}

/** Whether a card is scheduled at all: not retired, not suspended. */
function active(card: CardRow): boolean {
  return card.retired === 0 && card.suspended === 0
}

export interface ForecastDay {
  /** 0 today (overdue cards included), 1 tomorrow… */
  offset: number
  key: string
  count: number
}

/**
 * Cards coming due on each of the next `days` local days (today counts the overdue ones too).
 * New cards are not forecast (they are introduced at the user's pace), nor suspended or retired ones.
 */
export function dueForecast(cards: readonly CardRow[], now: number, days = 30): ForecastDay[] {
  const today = startOfDay(now)
  const bounds = Array.from({ length: days + 1 }, (_, i) => addDays(today, i))
  const out: ForecastDay[] = bounds
    .slice(0, days)
    .map((start, offset) => ({ offset, key: dayKey(start), count: 0 }))
  for (const card of cards) {
    if (!active(card) || card.state === 0) continue
    // A card buried until after its due date comes back when the burial ends.
    const due = Math.max(card.due, card.buriedUntil)
    if (due < bounds[1]!) {
      out[0]!.count++
      continue
    }
    for (let i = 1; i < days; i++) {
      if (due < bounds[i + 1]!) {
        out[i]!.count++
        break
      }
    }
  }
  return out
}

export interface RetentionCell {
  passed: number
  total: number
  /** passed / total, or undefined when nothing was reviewed. */
  rate: number | undefined
}

export interface RetentionRow {
  period: 'today' | 'week' | 'month' | 'all'
  label: string
  young: RetentionCell
  mature: RetentionCell
  total: RetentionCell
}

function cell(passed: number, total: number): RetentionCell {
  return { passed, total, rate: total === 0 ? undefined : passed / total }
}

/**
 * True retention as Anki defines it: of the first answer of each day to each card that was in
 * Review state, the share passed (Hard, Good or Easy). Young cards had a scheduled interval under
 * 21 days, mature ones 21 or more. Learning and relearning steps do not count.
 */
export function trueRetention(logs: readonly ReviewLogRow[], now: number): RetentionRow[] {
  return retentionFromTotals(totalsOf(logs).days, now)
}

/** True retention from day totals (which counted each card's first answer of a day). */
export function retentionFromTotals(
  totals: ReadonlyMap<string, DayTotals>,
  now: number
): RetentionRow[] {
  const today = startOfDay(now)
  const periods: { period: RetentionRow['period']; label: string; from: number }[] = [
    { period: 'today', label: 'Today', from: today },
    { period: 'week', label: 'Last 7 days', from: addDays(today, -6) },
    { period: 'month', label: 'Last 30 days', from: addDays(today, -29) },
    { period: 'all', label: 'All time', from: -Infinity }
  ]
  return periods.map(({ period, label, from }) => {
    const since = Number.isFinite(from) ? dayKey(from) : ''
    const c = { yp: 0, yt: 0, mp: 0, mt: 0 }
    // Keys are YYYY-MM-DD: comparing them as strings compares the days.
    for (const [key, d] of totals) {
      if (key < since) continue
      c.yp += d.youngPassed
      c.yt += d.youngTotal
      c.mp += d.maturePassed
      c.mt += d.matureTotal
    }
    return {
      period,
      label,
      young: cell(c.yp, c.yt),
      mature: cell(c.mp, c.mt),
      total: cell(c.yp + c.mp, c.yt + c.mt)
    }
  })
}

export interface StateCounts {
  new: number
  learning: number
  review: number
  relearning: number
  suspended: number
  retired: number
}

/** Cards by state; a retired card counts only as retired, a suspended one only as suspended. */
export function countByState(cards: readonly CardRow[]): StateCounts {
  const counts: StateCounts = {
    new: 0,
    learning: 0,
    review: 0,
    relearning: 0,
    suspended: 0,
    retired: 0
  }
  const names = ['new', 'learning', 'review', 'relearning'] as const
  for (const card of cards) {
    if (card.retired) counts.retired++
    else if (card.suspended) counts.suspended++
    else counts[names[card.state]]++
  }
  return counts
}

/**
 * Consecutive local days with at least one answer, ending today, or ending yesterday when
 * nothing was answered yet today (the streak is not lost until the day is over).
 */
export function currentStreak(logs: readonly ReviewLogRow[], now: number): number {
  return streakFromTotals(totalsOf(logs).days, now)
}

/** The streak from day totals. */
export function streakFromTotals(totals: ReadonlyMap<string, DayTotals>, now: number): number {
  const days = new Set([...totals].filter(([, d]) => d.count > 0).map(([key]) => key))
  const today = startOfDay(now)
  let day = days.has(dayKey(today)) ? today : addDays(today, -1)
  let streak = 0
  while (days.has(dayKey(day))) {
    streak++
    day = addDays(day, -1)
  }
  return streak
}

export interface TimeSpent {
  todayMs: number
  totalMs: number
  reviewsToday: number
  reviewsTotal: number
}

/** Answers and the time spent answering, today and in total. */
export function timeSpent(logs: readonly ReviewLogRow[], now: number): TimeSpent {
  return timeFromTotals(totalsOf(logs), now)
}

/** Answers and time spent from log totals. */
export function timeFromTotals(totals: LogTotals, now: number): TimeSpent {
  const today = totals.days.get(dayKey(now))
  let totalMs = 0
  for (const d of totals.days.values()) totalMs += d.ms
  return {
    todayMs: today?.ms ?? 0,
    totalMs,
    reviewsToday: today?.count ?? 0,
    reviewsTotal: totals.count
  }
}

export { isMastered } from './card-state'

export interface Share {
  mastered: number
  total: number
}

export interface MasteryShares {
  byEra: Map<string, Share>
  byTheme: Map<string, Share>
  byEvent: Map<string, Share>
  byParagraph: Map<string, Share>
}

function bump(map: Map<string, Share>, key: string, mastered: boolean): void {
  const share = map.get(key) ?? { mastered: 0, total: 0 }
  share.total++
  if (mastered) share.mastered++
  map.set(key, share)
}

/**
 * Mastered cards per era, theme, event and paragraph, in one pass over the pack's cards. A card
 * never studied (no row yet) is simply not mastered; `mastered` says which ids are.
 */
export function masteryShares(
  cards: readonly StudyCard[],
  mastered: ReadonlySet<string>
): MasteryShares {
  const out: MasteryShares = {
    byEra: new Map(),
    byTheme: new Map(),
    byEvent: new Map(),
    byParagraph: new Map()
  }
  for (const card of cards) {
    const known = mastered.has(card.id)
    bump(out.byEra, card.era, known)
    for (const theme of new Set(card.themes)) bump(out.byTheme, theme, known)
    if (card.eventId) bump(out.byEvent, card.eventId, known)
    bump(out.byParagraph, card.paragraphId, known)
  }
  return out
}

/** A share map as fractions 0–1, for shading. */
export function toFractions(map: Map<string, Share>): Map<string, number> {
  return new Map([...map].map(([key, s]) => [key, s.total === 0 ? 0 : s.mastered / s.total]))
}
