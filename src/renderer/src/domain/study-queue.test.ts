import { describe, expect, it } from 'vitest'
import { newCardState, schedule } from './scheduler'
import { realPack } from '../test-support/real-pack'
import { buildStudyContent } from './content'
import {
  adjustCounts,
  bucketOf,
  newCardOrder,
  newShown,
  nextStudyDay,
  siblingIndex,
  siblingsToBury,
  studyDayStart
} from './study-queue'

const flags = { retired: 0 as const, suspended: 0 as const, buriedUntil: 0 }

describe('the study day and due buckets', () => {
  it('starts the study day at 4 am local time', () => {
    const late = new Date(2026, 4, 10, 2, 30).getTime()
    expect(studyDayStart(late)).toBe(new Date(2026, 4, 9, 4).getTime())
    expect(nextStudyDay(late)).toBe(new Date(2026, 4, 10, 4).getTime())
    const day = new Date(2026, 4, 10, 15).getTime()
    expect(nextStudyDay(day)).toBe(new Date(2026, 4, 11, 4).getTime())
  })

  it('buckets cards and adjusts counts from before and after states', () => {
    const now = new Date(2026, 4, 10, 15).getTime()
    const cutoff = nextStudyDay(now)
    const fresh = { ...newCardState(now), ...flags }
    const learning = { ...schedule(fresh, 3, now, 0.9), ...flags }
    const review = { ...schedule(learning, 3, learning.due, 0.9), ...flags }
    expect(bucketOf(fresh, now, cutoff)).toBe('new')
    expect(bucketOf(learning, now, cutoff)).toBe('learning')
    expect(bucketOf(review, now, cutoff)).toBeNull()
    expect(bucketOf({ ...fresh, suspended: 1 }, now, cutoff)).toBeNull()
    expect(bucketOf({ ...fresh, retired: 1 }, now, cutoff)).toBeNull()
    expect(bucketOf({ ...fresh, buriedUntil: cutoff }, now, cutoff)).toBeNull()
    let counts = { new: 5, learning: 0, review: 2 }
    counts = adjustCounts(counts, fresh, learning, now, cutoff)
    expect(counts).toEqual({ new: 4, learning: 1, review: 2 })
    counts = adjustCounts(counts, learning, review, now, cutoff)
    expect(counts).toEqual({ new: 4, learning: 0, review: 2 })
    counts = adjustCounts(counts, learning, fresh, now, cutoff)
    expect(counts).toEqual({ new: 5, learning: 0, review: 2 })
  })

  it('applies the daily new-card limit', () => {
    expect(newShown(100, 0, 20)).toBe(20)
    expect(newShown(100, 18, 20)).toBe(2)
    expect(newShown(100, 25, 20)).toBe(0)
    expect(newShown(3, 0, 20)).toBe(3)
  })
})

describe('new cards mixed, siblings apart', () => {
  const content = buildStudyContent(realPack())
  const kindOf = (id: string) => content.cardById.get(id)!.kind
  const eraOf = (id: string) => content.cardById.get(id)!.era
  const noteOf = (id: string) => content.cardById.get(id)!.noteId

  it('keeps the pack order when asked for the date order', () => {
    expect(newCardOrder(content.cards, 'date')).toEqual(content.cardIds)
  })

  it('gives a first day of 20 new cards many kinds and eras, and no two siblings', () => {
    const order = newCardOrder(content.cards, 'mixed')
    expect(new Set(order)).toEqual(new Set(content.cardIds))
    const day1 = order.slice(0, 20)
    expect(new Set(day1.map(kindOf)).size).toBeGreaterThanOrEqual(8)
    expect(new Set(day1.map(eraOf)).size).toBeGreaterThanOrEqual(4)
    expect(new Set(day1.map(noteOf)).size).toBe(20)
    // The date order's first day is one kind only: events.
    expect(new Set(content.cardIds.slice(0, 20).map(kindOf))).toEqual(
      new Set(['event-what', 'event-when'])
    )
  })

  it('keeps siblings 20 cards apart while other kinds can go between (the first 3 days)', () => {
    const order = newCardOrder(content.cards, 'mixed')
    const seen = new Map<string, number>()
    const gaps: number[] = []
    order.forEach((id, i) => {
      const at = seen.get(noteOf(id))
      if (at !== undefined && i < 60) gaps.push(i - at)
      seen.set(noteOf(id), i)
    })
    expect(gaps.length).toBeGreaterThan(0)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(20)
  })

  it('is stable: a card added to the pack leaves the others in their order', () => {
    const before = newCardOrder(content.cards, 'mixed')
    const extra = { id: 'person:someone-new', noteId: 'person:someone-new', kind: 'person' }
    const after = newCardOrder([...content.cards, extra], 'mixed')
    expect(after.filter((id) => id !== extra.id).slice(0, 10)).toEqual(before.slice(0, 10))
  })

  it('orders a kind by hash whatever order the pack lists it in, equal hashes by id', () => {
    // "card-536119" and "card-1341666" have the same 32-bit hash: the id decides between them.
    const ids = ['card-536119', 'card-1341666', 'card-7', 'card-42', 'card-1999']
    const hand = (id: string) => ({ id, noteId: id, kind: 'hand' })
    const forward = newCardOrder(ids.map(hand), 'mixed')
    const backward = newCardOrder([...ids].reverse().map(hand), 'mixed')
    expect(backward).toEqual(forward)
    expect(forward.indexOf('card-1341666')).toBe(forward.indexOf('card-536119') - 1)
  })

  it('finds the siblings of a card and buries only those the options allow', () => {
    const index = siblingIndex(content.cards)
    // An event's what and when cards, and the fill-the-gap cards whose gap is that event.
    const siblings = index.get('event:1812-fort-ross')!
    expect(siblings.slice(0, 2)).toEqual(['event-what:1812-fort-ross', 'event-when:1812-fort-ross'])
    expect(siblings.length).toBeGreaterThan(2)
    expect(siblings.slice(2).every((id) => content.cardById.get(id)?.kind === 'cloze')).toBe(true)
    expect(new Set(siblings.map((id) => content.cardById.get(id)?.noteId))).toEqual(
      new Set(['event:1812-fort-ross'])
    )
    const now = new Date(2026, 4, 10, 15).getTime()
    const until = nextStudyDay(now)
    const fresh = { id: 'a', ...newCardState(now), ...flags }
    const review = { id: 'b', ...newCardState(now), ...flags, state: 2 as const }
    const suspended = { id: 'c', ...newCardState(now), ...flags, suspended: 1 as const }
    const rows = [fresh, review, suspended]
    expect(siblingsToBury(rows, { buryNew: true, buryReview: true }, until)).toEqual(['a', 'b'])
    expect(siblingsToBury(rows, { buryNew: true, buryReview: false }, until)).toEqual(['a'])
    expect(siblingsToBury(rows, { buryNew: false, buryReview: false }, until)).toEqual([])
  })
})
