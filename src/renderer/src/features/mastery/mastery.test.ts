import { afterEach, describe, expect, it, vi } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { closeDatabase, openDatabase } from '../../db/database'
import { buildStudyContent } from '../../domain/content'
import { toCardRow, type CardRow } from '../../domain/card-state'
import { newCardState, schedule } from '../../domain/scheduler'
import { mastery, masteredIds, masteryLevel, MASTERY_SETTING } from './mastery.svelte'

const content = buildStudyContent(realPack())
const NOW = Date.UTC(2026, 2, 10, 12)
const DAY = 86_400_000
let counter = 0

afterEach(() => {
  mastery.stop()
  closeDatabase()
})

async function freshDb() {
  const opened = await openDatabase(`mastery-test-${Date.now()}-${counter++}`)
  if (!opened.ok) throw new Error(opened.message)
  return opened.db
}

/**
 * Waits until a condition holds, up to some 5 s (live queries answer asynchronously; a write of
 * every row is read again once writes settle, after 3 s).
 */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((r) => setTimeout(r, 5))
  expect(check()).toBe(true)
}

describe('mastery', () => {
  it('is safe before any card exists: every event shows as not mastered yet', async () => {
    await freshDb()
    mastery.start(content, NOW)
    await until(() => mastery.byEvent.size > 0)
    expect(mastery.byEvent.size).toBe(content.pack.events.length)
    expect(new Set(mastery.byEvent.values())).toEqual(new Set([0]))
    expect(new Set(mastery.byParagraph.values())).toEqual(new Set([0]))
  })

  it('follows writes on its own: a review reaches the shares without a refresh', async () => {
    const db = await freshDb()
    const { cards } = content
    const event = cards.find((c) => c.eventId)!
    const ofEvent = cards.filter((c) => c.eventId === event.eventId)
    const what = ofEvent[0]!
    expect(ofEvent.length).toBeGreaterThan(1)
    const fresh = newCardState(NOW - 600_000)
    const row = (id: string, state = fresh): CardRow =>
      toCardRow({ id, ...state, suspended: 0, buriedUntil: 0, retired: 0 })
    await db.cards.bulkPut(cards.map((c) => row(c.id)))
    mastery.start(content, NOW)
    await until(() => mastery.byEvent.get(event.eventId!) === 0)

    // Two Good answers a day apart make a Review card: the shares follow the write.
    const learnt = schedule(schedule(fresh, 3, NOW - 2 * DAY, 0.9), 3, NOW - DAY, 0.9)
    expect(learnt.state).toBe(2)
    await db.cards.put(row(what.id, learnt))
    await until(() => mastery.byEvent.get(event.eventId!) === 1 / ofEvent.length)
    expect(masteryLevel(mastery.byEvent.get(event.eventId!))).toBe(ofEvent.length === 2 ? 2 : 1)
    const inParagraph = cards.filter((c) => c.paragraphId === what.paragraphId).length
    expect(mastery.byParagraph.get(what.paragraphId)).toBeCloseTo(1 / inParagraph)
    const other = cards.find((c) => c.eventId && c.eventId !== event.eventId)!
    expect(mastery.byEvent.get(other.eventId!)).toBe(0)
    expect(mastery.byEra.get(what.era)?.mastered).toBe(1)

    // A write of many rows at once (a restore, a sync) is followed too: every key is read again.
    expect(cards.length).toBeGreaterThan(50)
    await db.cards.bulkPut(cards.map((c) => row(c.id)))
    await until(() => mastery.byEra.get(what.era)?.mastered === 0)
    expect(mastery.byEvent.get(event.eventId!)).toBe(0)
  })

  it('reads mastered ids from the index, and a year later the card is no longer mastered', async () => {
    const db = await freshDb()
    const fresh = newCardState(NOW - 2 * DAY)
    const learnt = schedule(schedule(fresh, 3, NOW - 2 * DAY, 0.9), 3, NOW - DAY, 0.9)
    // The row is written without masteredUntil: the database derives it on every write.
    await db.cards.put({ id: 'c1', ...learnt, suspended: 0, buriedUntil: 0, retired: 0 } as CardRow)
    expect((await db.cards.get('c1'))?.masteredUntil).toBeGreaterThan(NOW)
    expect(await masteredIds(NOW)).toEqual(new Set(['c1']))
    expect(await masteredIds(NOW + 365 * DAY)).toEqual(new Set())
    // Failing the card (Relearning) takes it out of the index range at once.
    await db.cards.update('c1', { ...schedule(learnt, 1, NOW, 0.9) })
    expect(await masteredIds(NOW)).toEqual(new Set())
  })

  it('remembers the shading switch in settings, and follows a change made elsewhere', async () => {
    const db = await freshDb()
    mastery.start(content, NOW)
    expect(mastery.enabled).toBe(false)
    await mastery.toggle()
    expect(mastery.enabled).toBe(true)
    expect(await db.settings.get(MASTERY_SETTING)).toEqual({ key: MASTERY_SETTING, value: true })
    // A restored backup (or another window) writes the setting: the switch follows.
    await db.settings.put({ key: MASTERY_SETTING, value: false })
    await until(() => !mastery.enabled)
  })

  it('shades nothing before the first review, then asks once', async () => {
    const db = await freshDb()
    mastery.start(content, NOW)
    await until(() => mastery.byEvent.size > 0)
    expect(mastery.enabled).toBe(false)
    expect(mastery.asking).toBe(false)
    await db.reviewLogs.add({
      cardId: content.cards[0]!.id,
      rating: 3,
      reviewedAt: NOW,
      durationMs: 1000,
      mode: 'flip',
      retention: 0.9,
      before: newCardState(NOW)
    })
    await until(() => mastery.asking)
    await mastery.choose(false)
    expect(mastery.asking).toBe(false)
    expect(mastery.enabled).toBe(false)
  })

  it('knows a review was made without counting the logs, and follows the first log and the last', async () => {
    const db = await freshDb()
    const log = (reviewedAt: number) => ({
      cardId: content.cards[0]!.id,
      rating: 3 as const,
      reviewedAt,
      durationMs: 1000,
      mode: 'flip' as const,
      retention: 0.9,
      before: newCardState(reviewedAt)
    })
    await db.reviewLogs.bulkAdd([log(NOW - DAY), log(NOW)])
    // Counting every log row at start kept the database busy for 143 ms at 1,000,000 rows.
    const count = vi.spyOn(db.reviewLogs, 'count')
    mastery.start(content, NOW)
    await until(() => mastery.reviewed)
    expect(count).not.toHaveBeenCalled()

    await db.reviewLogs.clear()
    await until(() => !mastery.reviewed)
    await db.reviewLogs.add(log(NOW))
    await until(() => mastery.reviewed)
  })
})
