/**
 * Check data, like Anki's Check Database: every card's state must be the replay of its review log.
 * What does not match is repaired from the log (the log is the record of what the user did); the
 * user's flags (suspended, buried, retired) are kept. Idempotent: a second run finds nothing.
 * A practice test's answers that left the schedule alone (`scheduled: false`) are not replayed.
 */
import {
  changedSchedule,
  sameState,
  stateOf,
  type CardRow,
  type CardState,
  type ReviewLogRow
} from '../domain/card-state'
import type { StudyDatabase } from './database'
import { newCardState, schedule, type Rating } from '../domain/scheduler'

export interface CheckReport {
  /** Cards checked. */
  checked: number
  /** Cards whose stored state differed from the replay of their log, now set to it. */
  repaired: number
  /** Review logs whose recorded `before` state differed from the replay, now set to it. */
  repairedLogs: number
  /** Review logs whose card no longer exists: kept, reported. */
  orphanLogs: number
  /** Ids of the repaired cards (for the report). */
  repairedIds: string[]
}

/** A card that was never answered: New, everything zero, due whenever it was created. */
export function isNewState(s: CardState): boolean {
  return sameState(s, newCardState(s.due))
}

/** The order answers were given in. */
function byTime(a: ReviewLogRow, b: ReviewLogRow): number {
  return a.reviewedAt - b.reviewedAt || (a.id ?? 0) - (b.id ?? 0)
}

/**
 * The state a card should have after its logs: from a new card (due when the first answer's
 * `before` says), each answer scheduled in order. Also the expected `before` of every log.
 */
export function replay(logs: readonly ReviewLogRow[]): { state: CardState; befores: CardState[] } {
  const sorted = [...logs].sort(byTime)
  let state = newCardState(sorted[0]?.before.due ?? 0)
  const befores: CardState[] = []
  for (const log of sorted) {
    befores.push(state)
    state = schedule(state, log.rating as Rating, log.reviewedAt, log.retention)
  }
  return { state, befores }
}

/** Checks and repairs every card against its review log, in one transaction. */
export async function checkData(db: StudyDatabase): Promise<CheckReport> {
  return db.transaction('rw', db.cards, db.reviewLogs, async () => {
    const [cards, logs] = await Promise.all([db.cards.toArray(), db.reviewLogs.toArray()])
    const byCard = new Map<string, ReviewLogRow[]>()
    for (const log of logs) {
      if (!changedSchedule(log)) continue
      const list = byCard.get(log.cardId)
      if (list) list.push(log)
      else byCard.set(log.cardId, [log])
    }
    const report: CheckReport = {
      checked: cards.length,
      repaired: 0,
      repairedLogs: 0,
      orphanLogs: 0,
      repairedIds: []
    }
    const fixedCards: CardRow[] = []
    const fixedLogs: ReviewLogRow[] = []
    const ids = new Set(cards.map((c) => c.id))
    for (const card of cards) {
      const cardLogs = (byCard.get(card.id) ?? []).sort(byTime)
      let expected: CardState
      if (cardLogs.length === 0) {
        if (isNewState(card)) continue
        expected = newCardState(card.due)
      } else {
        const { state, befores } = replay(cardLogs)
        expected = state
        cardLogs.forEach((log, i) => {
          const before = befores[i]!
          if (!sameState(log.before, before)) fixedLogs.push({ ...log, before })
        })
      }
      if (!sameState(card, expected)) {
        fixedCards.push({ ...card, ...stateOf(expected) })
        report.repairedIds.push(card.id)
      }
    }
    for (const log of logs) if (!ids.has(log.cardId)) report.orphanLogs++
    report.repaired = fixedCards.length
    report.repairedLogs = fixedLogs.length
    if (fixedCards.length) await db.cards.bulkPut(fixedCards)
    if (fixedLogs.length) await db.reviewLogs.bulkPut(fixedLogs)
    return report
  })
}
