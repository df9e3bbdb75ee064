import { afterEach, describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { closeDatabase, openDatabase, type CardRow } from '../../db/database'
import { generateCards } from '../../domain/cards'
import { newCardState, schedule } from '../../domain/scheduler'
import { mastery, masteryLevel, MASTERY_SETTING } from './mastery.svelte'

const pack = realPack()
const NOW = Date.UTC(2026, 2, 10, 12)
let counter = 0

afterEach(() => closeDatabase())

async function freshDb() {
  const opened = await openDatabase(`mastery-test-${Date.now()}-${counter++}`)
  if (!opened.ok) throw new Error(opened.message)
  mastery.reload()
  return opened.db
}

describe('mastery.refresh', () => {
  it('is safe before any card exists: every event shows as not mastered yet', async () => {
    await freshDb()
    await mastery.refresh(pack, NOW)
    expect(mastery.byEvent.size).toBe(pack.events.length)
    expect(new Set(mastery.byEvent.values())).toEqual(new Set([0]))
    expect(new Set(mastery.byParagraph.values())).toEqual(new Set([0]))
  })

  it('shares the mastered cards of each event and paragraph, ignoring retired ones', async () => {
    const db = await freshDb()
    const cards = generateCards(pack)
    const event = cards.find((c) => c.eventId)!
    const ofEvent = cards.filter((c) => c.eventId === event.eventId)
    const what = ofEvent[0]
    expect(ofEvent.length).toBeGreaterThan(1)
    // Every card of the pack exists; the event's "what" card was just answered twice (Good).
    const fresh = newCardState(NOW - 600_000)
    const learnt = schedule(schedule(fresh, 3, NOW - 600_000, 0.9), 3, NOW - 60_000, 0.9)
    const rows: CardRow[] = cards.map((c) => ({
      id: c.id,
      ...(c.id === what!.id ? learnt : fresh),
      suspended: 0,
      buriedUntil: 0,
      retired: 0
    }))
    await db.cards.bulkPut(rows)
    await mastery.refresh(pack, NOW)
    expect(mastery.byEvent.get(event.eventId!)).toBe(1 / ofEvent.length)
    expect(masteryLevel(mastery.byEvent.get(event.eventId!))).toBe(ofEvent.length === 2 ? 2 : 1)
    const inParagraph = cards.filter((c) => c.paragraphId === what!.paragraphId).length
    expect(mastery.byParagraph.get(what!.paragraphId)).toBeCloseTo(1 / inParagraph)
    const other = cards.find((c) => c.eventId && c.eventId !== event.eventId)!
    expect(mastery.byEvent.get(other.eventId!)).toBe(0)

    // Retiring the unanswered cards leaves the event fully mastered.
    for (const c of ofEvent.slice(1)) await db.cards.update(c.id, { retired: 1 })
    await mastery.refresh(pack, NOW)
    expect(mastery.byEvent.get(event.eventId!)).toBe(1)
    // A year later the answered card is no longer likely to be recalled.
    await mastery.refresh(pack, NOW + 365 * 86_400_000)
    expect(mastery.byEvent.get(event.eventId!)).toBe(0)
  })

  it('remembers the shading switch in settings', async () => {
    const db = await freshDb()
    await mastery.refresh(pack, NOW)
    expect(mastery.enabled).toBe(true)
    await mastery.toggle()
    expect(mastery.enabled).toBe(false)
    expect(await db.settings.get(MASTERY_SETTING)).toEqual({ key: MASTERY_SETTING, value: false })
    mastery.enabled = true
    mastery.reload()
    await mastery.refresh(pack, NOW)
    expect(mastery.enabled).toBe(false)
  })
})
