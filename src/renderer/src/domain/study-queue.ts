/**
 * The pure bookkeeping of a study session: Anki's day (it turns at 4 am local time), which due
 * bucket a card is in, and the in-memory due counts adjusted on every answer, undo, bury or suspend
 * from the before and after states, so nothing is ever recounted by a scan.
 */
import type { CardRow, CardState } from './card-state'

/** The hour at which a study day begins, as in Anki: late-night reviews count for the day before. */
export const DAY_START_HOUR = 4
export const DAY_MS = 86_400_000

/** The start of the study day that contains `now` (local 4 am). */
export function studyDayStart(now: number, hour = DAY_START_HOUR): number {
  const d = new Date(now)
  const start = new Date(d.getFullYear(), d.getMonth(), d.getDate(), hour)
  if (start.getTime() > now) start.setDate(start.getDate() - 1)
  return start.getTime()
}

/** The start of the next study day: due cards before it are due today; buried cards return then. */
export function nextStudyDay(now: number, hour = DAY_START_HOUR): number {
  const start = new Date(studyDayStart(now, hour))
  start.setDate(start.getDate() + 1)
  return start.getTime()
}

export type Bucket = 'new' | 'learning' | 'review'

export interface DueCounts {
  /** New cards available (before the daily limit). */
  new: number
  learning: number
  review: number
}

type CardFlags = CardState & Pick<CardRow, 'retired' | 'suspended' | 'buriedUntil'>

/** The bucket a card counts in today, or null when it is hidden or not due before `cutoff`. */
export function bucketOf(card: CardFlags, now: number, cutoff: number): Bucket | null {
  if (card.retired || card.suspended || card.buriedUntil > now) return null
  if (card.state === 0) return 'new'
  if (card.due >= cutoff) return null
  return card.state === 2 ? 'review' : 'learning'
}

/** The counts after a card went from `before` to `after` (either may be absent). */
export function adjustCounts(
  counts: DueCounts,
  before: CardFlags | null,
  after: CardFlags | null,
  now: number,
  cutoff: number
): DueCounts {
  const next = { ...counts }
  const from = before && bucketOf(before, now, cutoff)
  const to = after && bucketOf(after, now, cutoff)
  if (from) next[from] = Math.max(0, next[from] - 1)
  if (to) next[to] += 1
  return next
}

/** The new cards still shown today under the daily limit. */
export function newShown(available: number, introducedToday: number, limit: number): number {
  return Math.max(0, Math.min(available, limit - introducedToday))
}

/** Counts a list of rows in memory (used for a filtered session, whose cards are few). */
export function countRows(rows: CardFlags[], now: number, cutoff: number): DueCounts {
  const counts: DueCounts = { new: 0, learning: 0, review: 0 }
  for (const row of rows) {
    const bucket = bucketOf(row, now, cutoff)
    if (bucket) counts[bucket] += 1
  }
  return counts
}
