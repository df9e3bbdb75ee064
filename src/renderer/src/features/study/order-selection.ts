/**
 * Which events a scheduled "Put in order" set may use: events whose "when" card was already
 * studied, plus new ones within today's new-card limit (they count against it once graded), so an
 * ordering never brings in more new cards than the limit allows.
 */
import type { StudyEvent } from '$shared/pack-schema'
import type { CardRow } from '../../domain/card-state'
import { eventSortKey } from '../../domain/cards'

/** The "when" card of an event: what an ordering grades. */
export const whenCardId = (event: StudyEvent): string => `event-when:${event.id}`

/** The events an ordering may draw from, given their "when" cards' rows. */
export function orderPool(
  events: readonly StudyEvent[],
  rows: readonly CardRow[],
  now: number,
  newRoom: number
): StudyEvent[] {
  const byCard = new Map(events.map((e) => [whenCardId(e), e]))
  const usable = rows.filter((r) => !r.retired && !r.suspended && r.buriedUntil <= now)
  const allowed = usable.filter((r) => r.state !== 0).map((r) => byCard.get(r.id)!)
  // New ones in the order they are introduced, skipping a date already there (two events of one
  // date cannot be ordered against each other, so one would be a wasted new card).
  const dates = allowed.map(eventSortKey)
  let room = newRoom
  for (const row of usable.filter((r) => r.state === 0).sort((a, b) => a.due - b.due)) {
    const event = byCard.get(row.id)!
    if (room <= 0) break
    if (dates.includes(eventSortKey(event))) continue
    allowed.push(event)
    dates.push(eventSortKey(event))
    room -= 1
  }
  return allowed
}
