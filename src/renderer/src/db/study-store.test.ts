import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { realPack } from '../test-support/real-pack'
import { StudyDatabase } from './database'
import { STATE_INDEX, syncCardIds } from './card-sync'
import {
  answerCard,
  answerCards,
  buryCard,
  countDue,
  newIntroducedSince,
  nextCard,
  peekNextCards,
  setSuspended,
  undoAnswer
} from './study-store'
import { generateCards } from '../domain/cards'
import { stateOf } from '../domain/card-state'
import type { Pack } from '$shared/pack-schema'

/** Brings the rows in step with a pack's cards, as the app does when a session starts. */
const syncCards = (pack: Pack, now: number, db: StudyDatabase) =>
  syncCardIds(
    generateCards(pack).map((c) => c.id),
    now,
    db
  )
import { nextStudyDay, studyDayStart } from '../domain/study-queue'

const t0 = new Date(2026, 2, 10, 10).getTime()
const cutoff = nextStudyDay(t0)
let db: StudyDatabase
let counter = 0

beforeEach(async () => {
  db = new StudyDatabase(`study-test-${Date.now()}-${counter++}`)
  await db.open()
})
afterEach(() => db.close())

const answer = (cardId: string, rating: 1 | 2 | 3 | 4, now = t0) =>
  answerCard({ cardId, rating, now, mode: 'flip', retention: 0.9, durationMs: 4000 }, db)

describe('syncCards', () => {
  it('creates one new row per card, in pack order, and is idempotent', async () => {
    const pack = realPack()
    const cards = generateCards(pack)
    const first = await syncCards(pack, t0, db)
    expect(first).toEqual({ added: cards.length, retired: 0, restored: 0, total: cards.length })
    expect(await syncCards(pack, t0 + 1000, db)).toEqual({
      added: 0,
      retired: 0,
      restored: 0,
      total: cards.length
    })
    const next = await nextCard({ now: t0, cutoff, allowNew: true }, db)
    expect(next?.id).toBe(cards[0]!.id)
    expect(next?.state).toBe(0)
  })

  it('keeps progress across a pack update: kept cards keep state, new ones arrive, removed retire', async () => {
    const packA = realPack()
    await syncCards(packA, t0, db)
    await answer('event-when:1812-fort-ross', 3)
    await answer('person:leon-trotsky', 1)
    await answer('place:norway', 4)
    const trotskyBefore = await db.cards.get('person:leon-trotsky')

    // Pack B: the place Norway is gone, a new hand card arrives.
    const packB = realPack()
    packB.packVersion = 'B'
    packB.entities = packB.entities.filter((e) => e.id !== 'norway')
    packB.cards.push({
      id: 'card-new-fact',
      question: 'A new question?',
      answer: 'A new answer',
      paragraphId: 'p-trade-1',
      themes: ['trade-economy'],
      era: 'russian-federation'
    })
    const result = await syncCards(packB, t0 + 60_000, db)
    expect(result).toMatchObject({ added: 1, retired: 1, restored: 0 })
    expect(await db.cards.get('person:leon-trotsky')).toEqual(trotskyBefore)
    expect((await db.cards.get('event-when:1812-fort-ross'))?.state).toBe(1)
    expect((await db.cards.get('hand:card-new-fact'))?.state).toBe(0)
    const norway = await db.cards.get('place:norway')
    expect(norway?.retired).toBe(1)
    expect(norway?.reps).toBe(1)
    expect(await db.reviewLogs.where('cardId').equals('place:norway').count()).toBe(1)
    // A retired card is never drawn nor counted.
    const all = await countDue(t0 + 60_000, cutoff, undefined, db)
    const active = generateCards(packB).length
    expect(all.new).toBe(active - 2)

    // Back to pack A: Cemex returns with its progress, the new card retires.
    const back = await syncCards(packA, t0 + 120_000, db)
    expect(back).toMatchObject({ added: 0, retired: 1, restored: 1 })
    expect((await db.cards.get('place:norway'))?.retired).toBe(0)
    expect((await db.cards.get('place:norway'))?.reps).toBe(1)
  })
})

describe('answerCard and undoAnswer', () => {
  beforeEach(async () => {
    await syncCards(realPack(), t0, db)
  })

  it('writes the new state and one log row with the state before', async () => {
    const before = await db.cards.get('person:leon-trotsky')
    const { logId, after } = await answer('person:leon-trotsky', 3, t0 + 5000)
    expect(after.state).toBe(1)
    expect(after.due).toBe(t0 + 5000 + 10 * 60_000)
    expect(await db.cards.get('person:leon-trotsky')).toEqual(after)
    const log = await db.reviewLogs.get(logId)
    expect(log).toMatchObject({
      cardId: 'person:leon-trotsky',
      rating: 3,
      reviewedAt: t0 + 5000,
      durationMs: 4000,
      mode: 'flip',
      retention: 0.9,
      before: stateOf(before!)
    })
  })

  it('writes neither the state nor the log when the log write fails inside the transaction', async () => {
    const before = await db.cards.get('person:leon-trotsky')
    const failing = () => {
      throw new Error('disk full')
    }
    db.reviewLogs.hook('creating', failing)
    await expect(answer('person:leon-trotsky', 3)).rejects.toThrow('disk full')
    db.reviewLogs.hook('creating').unsubscribe(failing)
    expect(await db.cards.get('person:leon-trotsky')).toEqual(before)
    expect(await db.reviewLogs.count()).toBe(0)
  })

  it('grades an ordering (several cards) all together or not at all', async () => {
    const input = (cardId: string) =>
      ({ cardId, rating: 3, mode: 'order', retention: 0.9, durationMs: 1000, now: t0 }) as const
    await expect(
      answerCards([input('event-when:1812-fort-ross'), input('event-when:no-such-event')], db)
    ).rejects.toThrow('no card')
    expect((await db.cards.get('event-when:1812-fort-ross'))?.state).toBe(0)
    expect(await db.reviewLogs.count()).toBe(0)
    const results = await answerCards(
      [input('event-when:1812-fort-ross'), input('event-when:1891-russian-legation')],
      db
    )
    expect(results.map((r) => r.after.state)).toEqual([1, 1])
    expect(await db.reviewLogs.where('cardId').startsWith('event-when:').count()).toBe(2)
  })

  it('undo restores the card exactly and deletes the log row', async () => {
    const original = await db.cards.get('event-what:1812-fort-ross')
    const first = await answer('event-what:1812-fort-ross', 3)
    const second = await answer('event-what:1812-fort-ross', 3, first.after.due)
    expect(second.after.state).toBe(2)
    await undoAnswer(second.logId, db)
    expect(await db.cards.get('event-what:1812-fort-ross')).toEqual(first.after)
    await undoAnswer(first.logId, db)
    expect(await db.cards.get('event-what:1812-fort-ross')).toEqual(original)
    expect(await db.reviewLogs.count()).toBe(0)
    await expect(undoAnswer(first.logId, db)).rejects.toThrow('already undone')
  })
})

describe('due counts, bury, suspend and the new-card limit', () => {
  beforeEach(async () => {
    await syncCards(realPack(), t0, db)
  })

  it('counts new, learning and review cards by index, and the counts follow answers', async () => {
    const total = await db.cards.count()
    expect(await countDue(t0, cutoff, undefined, db)).toEqual({
      new: total,
      learning: 0,
      review: 0
    })
    const a = await answer('person:leon-trotsky', 3)
    const b = await answer('person:ramon-mercader', 3)
    await answer('person:ramon-mercader', 3, b.after.due)
    expect(await countDue(a.after.due, cutoff, undefined, db)).toEqual({
      new: total - 2,
      learning: 1,
      review: 0
    })
    // Days later, the graduated card is a review due today.
    const later = t0 + 40 * 86_400_000
    expect(await countDue(later, nextStudyDay(later), undefined, db)).toMatchObject({ review: 1 })
    // A filter counts only its cards.
    const filter = new Set(['person:leon-trotsky', 'person:natalia-sedova'])
    expect(await countDue(t0, cutoff, filter, db)).toEqual({ new: 1, learning: 1, review: 0 })
  })

  it('buries a card until the next study day and suspends it until unsuspended', async () => {
    const total = await db.cards.count()
    const first = await nextCard({ now: t0, cutoff, allowNew: true }, db)
    await buryCard(first!.id, cutoff, db)
    expect((await countDue(t0, cutoff, undefined, db)).new).toBe(total - 1)
    const second = await nextCard({ now: t0, cutoff, allowNew: true }, db)
    expect(second!.id).not.toBe(first!.id)
    await setSuspended(second!.id, true, db)
    expect((await countDue(t0, cutoff, undefined, db)).new).toBe(total - 2)
    const third = await nextCard({ now: t0, cutoff, allowNew: true }, db)
    expect([first!.id, second!.id]).not.toContain(third!.id)
    // The next study day the buried card is back; the suspended one stays away until unsuspended.
    expect((await countDue(cutoff, nextStudyDay(cutoff), undefined, db)).new).toBe(total - 1)
    expect(
      (await nextCard({ now: cutoff, cutoff: nextStudyDay(cutoff), allowNew: true }, db))!.id
    ).toBe(first!.id)
    await setSuspended(second!.id, false, db)
    expect((await countDue(cutoff, nextStudyDay(cutoff), undefined, db)).new).toBe(total)
  })

  it('counts today’s first reviews of new cards for the daily limit, and draws no new card when told', async () => {
    await answer('person:leon-trotsky', 3)
    const b = await answer('person:ramon-mercader', 1)
    await answer('person:ramon-mercader', 3, b.after.due)
    const dayStart = studyDayStart(t0)
    expect(await newIntroducedSince(dayStart, db)).toBe(2)
    expect(await newIntroducedSince(nextStudyDay(t0), db)).toBe(0)
    // Limit reached: only learning cards (ahead of time) come, no new card.
    const next = await nextCard({ now: t0, cutoff, allowNew: false }, db)
    expect(next?.state).toBe(1)
    const none = await nextCard({ now: t0, cutoff, allowNew: false, learnAheadMs: 0 }, db)
    expect(none).toBeUndefined()
  })

  it('draws the cards after the shown one ahead, in the order drawn one by one', async () => {
    const a = await answer('person:leon-trotsky', 1)
    const shown = await nextCard({ now: t0, cutoff, allowNew: true }, db)
    const query = { now: t0, cutoff, allowNew: true, skip: new Set([shown!.id]) }
    const ahead = await peekNextCards(query, 5, db)
    expect(ahead.rows.map((r) => r.id)).not.toContain(shown!.id)
    expect(ahead.rows).toHaveLength(5)
    // The learning card answered Again is not due yet: its due time bounds the list's validity.
    expect(ahead.learningDueAt).toBe(a.after.due)
    // One by one, taking each drawn card out, gives the same cards in the same order.
    const skip = new Set([shown!.id])
    for (const row of ahead.rows) {
      const next = await nextCard({ ...query, skip, learnAheadMs: 0 }, db)
      expect(next?.id).toBe(row.id)
      skip.add(row.id)
    }
  })

  it('draws past many buried cards, and within a filter of a few, in the order of the index', async () => {
    // The rows are read a few more than asked at once; more buried cards than that are read past.
    const inOrder = (
      await db.cards.where(STATE_INDEX).between([0, 0, 0, -Infinity], [0, 0, 0, Infinity]).toArray()
    ).map((r) => r.id)
    for (const id of inOrder.slice(0, 30)) await buryCard(id, cutoff, db)
    const query = { now: t0, cutoff, allowNew: true }
    expect((await nextCard(query, db))!.id).toBe(inOrder[30])
    expect((await peekNextCards(query, 5, db)).rows.map((r) => r.id)).toEqual(inOrder.slice(30, 35))
    const filter = new Set([inOrder[2]!, inOrder[40]!, inOrder.at(-1)!])
    expect((await nextCard({ ...query, filter }, db))!.id).toBe(inOrder[40])
    expect((await peekNextCards({ ...query, filter }, 5, db)).rows.map((r) => r.id)).toEqual([
      inOrder[40],
      inOrder.at(-1)
    ])
  })

  it('draws due learning cards before reviews, reviews before new cards', async () => {
    const a = await answer('person:leon-trotsky', 3)
    await answer('person:leon-trotsky', 3, a.after.due)
    const c = await answer('person:natalia-sedova', 1, t0)
    const later = (await db.cards.get('person:leon-trotsky'))!.due + 1000
    // Trotsky is a review due, Sedova a learning card due: learning first.
    expect(c.after.due).toBeLessThan(later)
    const query = { now: later, cutoff: nextStudyDay(later), allowNew: true }
    expect((await nextCard(query, db))!.id).toBe('person:natalia-sedova')
    await answer('person:natalia-sedova', 4, later)
    expect((await nextCard(query, db))!.id).toBe('person:leon-trotsky')
  })
})
