/**
 * The review logs of a practice test not counted towards the schedule: one log per answer, mode
 * `test` and `scheduled: false`, holding the card's state as it stays; no card row is written. A
 * counted test goes through the normal answer path instead (`answerCards`), so it schedules.
 */
import { stateOf, type ReviewLogRow } from '../domain/card-state'
import { newCardState, type Rating } from '../domain/scheduler'
import { database, type StudyDatabase } from './database'

/** One answer of a practice test to log. */
export interface PracticeReview {
  cardId: string
  rating: Rating
  reviewedAt: number
  durationMs: number
  retention: number
}

/** Logs a practice test that leaves the schedule alone, all answers in one transaction. */
export async function logPracticeTest(
  reviews: readonly PracticeReview[],
  db: StudyDatabase = database()
): Promise<number[]> {
  if (!reviews.length) return []
  return db.transaction('rw', db.cards, db.reviewLogs, async () => {
    const rows = await db.cards.bulkGet(reviews.map((r) => r.cardId))
    const logs: ReviewLogRow[] = reviews.map((r, i) => ({
      cardId: r.cardId,
      rating: r.rating,
      reviewedAt: r.reviewedAt,
      durationMs: Math.max(0, Math.round(r.durationMs)),
      mode: 'test',
      retention: r.retention,
      // A card with no row yet (the pack just grew) is new: that is the state it keeps.
      before: stateOf(rows[i] ?? newCardState(r.reviewedAt)),
      scheduled: false
    }))
    return db.reviewLogs.bulkAdd(logs, { allKeys: true })
  })
}
