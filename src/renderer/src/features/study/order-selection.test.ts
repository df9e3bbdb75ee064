import { describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import type { CardRow } from '../../domain/card-state'
import { newCardState, schedule } from '../../domain/scheduler'
import { nextStudyDay } from '../../domain/study-queue'
import { drawOrder, whenCardId } from './order-selection'

const pack = realPack()
const now = new Date(2026, 4, 10, 15).getTime()
const cutoff = nextStudyDay(now)
const flags = { suspended: 0, buriedUntil: 0, retired: 0, masteredUntil: 0 } as const
const events = pack.events.slice(0, 12)
const fresh = (id: string): CardRow => ({ id, ...newCardState(now), ...flags })
/** A card seen once (Good): learning, due in 10 minutes, so due today. */
const dueToday = (id: string): CardRow => ({
  id,
  ...schedule(newCardState(now), 3, now, 0.9),
  ...flags
})
/** A card that is not due for weeks. */
const later = (id: string): CardRow => ({
  ...dueToday(id),
  state: 2,
  due: cutoff + 30 * 86_400_000
})

describe('drawing a "Put in order" set inside the schedule', () => {
  it('never brings in an event whose card was never seen', () => {
    const rows = events.map((e) => fresh(whenCardId(e)))
    expect(drawOrder(events, rows, now, cutoff, 5, 1)).toMatchObject({ items: [], seen: 0 })
  })

  it('takes due events first, grades only those, and fills with studied ones as context', () => {
    // Two events of different dates (1806 and 1812) are due; the rest were studied, not due.
    const [a, , b, ...rest] = events
    const rows = [
      dueToday(whenCardId(a!)),
      dueToday(whenCardId(b!)),
      ...rest.map((e) => later(whenCardId(e)))
    ]
    const draw = drawOrder(events, rows, now, cutoff, 5, 7)
    expect(draw.items.length).toBe(5)
    expect(new Set(draw.graded)).toEqual(new Set([a!.id, b!.id]))
    expect(draw.items.map((e) => e.id)).toEqual(expect.arrayContaining([a!.id, b!.id]))
  })

  it('draws nothing when studied events exist but none is due', () => {
    const rows = events.map((e) => later(whenCardId(e)))
    expect(drawOrder(events, rows, now, cutoff, 5, 1)).toMatchObject({
      items: [],
      seen: 12,
      due: 0
    })
  })

  it('leaves out suspended and buried events', () => {
    const rows: CardRow[] = events
      .slice(0, 3)
      .map((e) => ({ ...dueToday(whenCardId(e)), suspended: 1 as const }))
    rows.push({ ...dueToday(whenCardId(events[3]!)), buriedUntil: cutoff } as CardRow)
    expect(drawOrder(events, rows, now, cutoff, 5, 1).items).toEqual([])
  })
})
