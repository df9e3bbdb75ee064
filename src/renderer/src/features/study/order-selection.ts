/**
 * Which events a scheduled "Put in order" set uses, inside the schedule: events whose "when" card
 * is due today come first and are the ones graded; events already studied but not due may fill
 * the set as context (shown, not graded); an event whose card was never seen is never brought in
 * (its card must be met first, in flashcards or a quiz).
 */
import { cardIds } from '../../domain/card-ids'
import type { StudyEvent } from '$shared/pack-schema'
import type { CardRow } from '../../domain/card-state'
import { eventSortKey } from '../../domain/cards'
import { orderingSet } from '../../domain/quiz'

/** The "when" card of an event: what an ordering grades. */
export const whenCardId = (event: StudyEvent): string => cardIds.eventWhen(event.id)

export interface OrderDraw {
  /** The events to put in order, shuffled out of order. */
  items: StudyEvent[]
  /** The ids of the events whose cards are graded (due today); the others are context. */
  graded: string[]
  /** How many events were studied already, and how many of those are due: why a draw is empty. */
  seen: number
  due: number
}

/**
 * Draws an ordering set of up to `count` events with distinct dates: due ones first, then studied
 * ones as context. Empty when fewer than two can be drawn or none is due.
 */
export function drawOrder(
  events: readonly StudyEvent[],
  rows: readonly CardRow[],
  now: number,
  cutoff: number,
  count: number,
  seed: number
): OrderDraw {
  const byCard = new Map(events.map((e) => [whenCardId(e), e]))
  const seen = rows.filter(
    (r) => !r.retired && !r.suspended && r.buriedUntil <= now && r.state !== 0 && byCard.has(r.id)
  )
  const due = seen.filter((r) => r.due < cutoff).map((r) => byCard.get(r.id)!)
  const context = seen.filter((r) => r.due >= cutoff).map((r) => byCard.get(r.id)!)
  const empty = { items: [], graded: [], seen: seen.length, due: due.length }
  if (!due.length) return empty
  const chosen = orderingSet(due, count, seed)
  const dates = new Set(chosen.map(eventSortKey))
  for (const event of orderingSet(context, context.length, seed + 1)) {
    if (chosen.length >= count) break
    if (dates.has(eventSortKey(event))) continue
    dates.add(eventSortKey(event))
    chosen.push(event)
  }
  if (chosen.length < 2) return empty
  const dueIds = new Set(due.map((e) => e.id))
  return {
    items: orderingSet(chosen, chosen.length, seed + 2),
    graded: chosen.filter((e) => dueIds.has(e.id)).map((e) => e.id),
    seen: seen.length,
    due: due.length
  }
}
