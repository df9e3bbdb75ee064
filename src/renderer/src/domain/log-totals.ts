/**
 * Review logs summed by local day: answers, time spent and true-retention counts. The progress
 * view reads these few hundred totals instead of every log row; a fold of new rows keeps them
 * up to date without reading the old ones again.
 */
import { changedSchedule, type ReviewLogRow } from './card-state'
import { dayKey } from './days'

/** Anki's threshold between young and mature cards, in days of scheduled interval. */
export const MATURE_DAYS = 21

/** One local day's answers. */
export interface DayTotals {
  count: number
  /** Time spent answering, ms. */
  ms: number
  /** First answers of the day to cards in Review state (true retention), young and mature. */
  youngPassed: number
  youngTotal: number
  maturePassed: number
  matureTotal: number
}

/** Day totals by `YYYY-MM-DD`, and the cards already answered on each day folded so far. */
export interface LogTotals {
  days: Map<string, DayTotals>
  /** Rows folded in (answers that changed the schedule). */
  count: number
  /** Answers of practice tests that left the schedule alone: apart from the reviews above. */
  practice: number
  /** Per day, the cards answered: only a card's first answer of a day counts for retention. */
  seen: Map<string, Set<string>>
}

/** Totals of no logs at all. */
export function emptyTotals(): LogTotals {
  return { days: new Map(), count: 0, practice: 0, seen: new Map() }
}

/**
 * Adds log rows to the totals, in order of time (rows of one call are sorted first). A row whose
 * card was already answered that day (in this call or an earlier one) is not a first answer.
 */
export function foldLogs(totals: LogTotals, logs: readonly ReviewLogRow[]): LogTotals {
  const sorted = [...logs].sort((a, b) => a.reviewedAt - b.reviewedAt || (a.id ?? 0) - (b.id ?? 0))
  for (const log of sorted) {
    if (!changedSchedule(log)) {
      totals.practice++
      continue
    }
    const key = dayKey(log.reviewedAt)
    let day = totals.days.get(key)
    if (!day) {
      day = { count: 0, ms: 0, youngPassed: 0, youngTotal: 0, maturePassed: 0, matureTotal: 0 }
      totals.days.set(key, day)
    }
    day.count++
    day.ms += Math.max(0, log.durationMs)
    let seen = totals.seen.get(key)
    if (!seen) totals.seen.set(key, (seen = new Set()))
    if (!seen.has(log.cardId)) {
      seen.add(log.cardId)
      if (log.before.state === 2) {
        const pass = log.rating >= 2 ? 1 : 0
        if (log.before.scheduledDays >= MATURE_DAYS) {
          day.matureTotal++
          day.maturePassed += pass
        } else {
          day.youngTotal++
          day.youngPassed += pass
        }
      }
    }
    totals.count++
  }
  return totals
}

/** The totals of a list of logs. */
export function totalsOf(logs: readonly ReviewLogRow[]): LogTotals {
  return foldLogs(emptyTotals(), logs)
}

/** Two sets of totals over disjoint rows (earlier days, then today's), as one. */
export function mergeTotals(a: LogTotals, b: LogTotals): LogTotals {
  const days = new Map<string, DayTotals>()
  for (const source of [a.days, b.days]) {
    for (const [key, d] of source) {
      const into = days.get(key)
      if (!into) {
        days.set(key, { ...d })
        continue
      }
      into.count += d.count
      into.ms += d.ms
      into.youngPassed += d.youngPassed
      into.youngTotal += d.youngTotal
      into.maturePassed += d.maturePassed
      into.matureTotal += d.matureTotal
    }
  }
  return { days, count: a.count + b.count, practice: a.practice + b.practice, seen: new Map() }
}
