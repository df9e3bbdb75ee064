import { describe, expect, it } from 'vitest'
import { realPack } from '../test-support/real-pack'
import { datesOverlap, eventSortKey, generateCards } from './cards'
import { gradeTyped, normalizeAnswer } from './grading'
import { choiceOptions, modeFor, orderingSet, quizRating } from './quiz'

const pack = realPack()
const cards = generateCards(pack)
const card = (id: string) => cards.find((c) => c.id === id)!

describe('choiceOptions', () => {
  it('offers four distinct options with the answer among them, the same for the same seed', () => {
    for (const c of cards) {
      const q = choiceOptions(c, cards, pack, 7)
      expect(new Set(q.options).size, c.id).toBe(q.options.length)
      expect(q.options[q.correctIndex], c.id).toBe(c.answer)
      expect(q.options.length, c.id).toBeGreaterThanOrEqual(2)
      expect(choiceOptions(c, cards, pack, 7)).toEqual(q)
    }
    const trotsky = choiceOptions(card('person:leon-trotsky'), cards, pack, 1)
    expect(trotsky.options).toHaveLength(4)
  })

  it('draws distractors of the same kind: other years of the era, other people', () => {
    const when = choiceOptions(card('event-when:1930-relations-severed'), cards, pack, 3)
    const sovietYears = pack.events.filter((e) => e.era === 'soviet-union').map((e) => e.dateText)
    for (const option of when.options) {
      expect(sovietYears.some((t) => t.toLowerCase().endsWith(option.toLowerCase()))).toBe(true)
      if (option !== when.options[when.correctIndex]) expect(option).not.toContain('1930')
    }
    const people = pack.entities.filter((e) => e.kind === 'person').map((e) => e.name)
    for (const option of choiceOptions(card('person:leon-trotsky'), cards, pack, 3).options) {
      expect(people).toContain(option)
    }
    const figure = choiceOptions(card('figure:trade-total-2014'), cards, pack, 3)
    expect(figure.options.every((o) => o.startsWith('US$'))).toBe(true)
  })
})

describe('choiceOptions never offers two right answers', () => {
  it('has no distractor that is right for the question, for any card and seed', () => {
    const rightFor = (c: (typeof cards)[number]) => {
      // Right: the card's own answers, any card's answers to the same question, and for "what
      // happened", any event of a date that could be the same.
      const same = cards.filter((o) => o.question === c.question)
      const right = new Set(same.flatMap((o) => [o.answer, ...o.accept].map(normalizeAnswer)))
      const event = pack.events.find((e) => e.id === c.eventId)
      if (event && c.kind === 'event-what') {
        for (const e of pack.events) if (datesOverlap(e, event)) right.add(normalizeAnswer(e.title))
      }
      return right
    }
    for (const c of cards) {
      const right = rightFor(c)
      for (let seed = 0; seed < 12; seed++) {
        const q = choiceOptions(c, cards, pack, seed)
        const wrong = q.options.filter((_, i) => i !== q.correctIndex)
        for (const option of wrong) {
          expect(right.has(normalizeAnswer(option)), `${c.id}: ${option}`).toBe(false)
          expect(gradeTyped(option, c).correct, `${c.id}: ${option}`).toBe(false)
        }
      }
    }
  })

  it('gives list answers wrong lists, and the Igla the other equipment', () => {
    const members = choiceOptions(card('organisation:apec+g-20+united-nations'), cards, pack, 1)
    expect(members.options).toHaveLength(4)
    for (const option of members.options) expect(option.split(/, | and /)).toHaveLength(3)
    const igla = choiceOptions(card('equipment:9k38-igla'), cards, pack, 1)
    expect(igla.options.sort()).toEqual(pack.trade.equipment.map((q) => q.name).sort())
  })
})

describe('orderingSet', () => {
  it('picks events of distinct dates, not already in order, the same for the same seed', () => {
    for (let seed = 0; seed < 30; seed++) {
      const set = orderingSet(pack.events, 4 + (seed % 3), seed)
      expect(set).toHaveLength(4 + (seed % 3))
      const keys = set.map(eventSortKey)
      expect(new Set(keys).size).toBe(keys.length)
      expect(keys).not.toEqual([...keys].sort((a, b) => a - b))
      expect(orderingSet(pack.events, 4 + (seed % 3), seed)).toEqual(set)
    }
  })
})

describe('quiz grades', () => {
  it('feeds pass as Good and fail as Again; figures typed are numeric', () => {
    expect(quizRating(true)).toBe(3)
    expect(quizRating(false)).toBe(1)
    expect(modeFor(card('figure:trade-total-2014'), 'typed')).toBe('numeric')
    expect(modeFor(card('person:leon-trotsky'), 'typed')).toBe('typed')
  })
})
