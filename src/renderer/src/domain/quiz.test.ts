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

  it('draws distractors of the same kind and form: nearby dates as precise, other people', () => {
    const when = choiceOptions(card('event-when:1930-relations-severed'), cards, pack, 3)
    expect(when.options).toHaveLength(4)
    for (const option of when.options) {
      // "26 January 1930" among other full dates, never among bare years.
      expect(option).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/)
      const year = Number(option.slice(-4))
      expect(Math.abs(year - 1930)).toBeLessThanOrEqual(20)
    }
    const year = choiceOptions(card('event-when:1812-fort-ross'), cards, pack, 3)
    for (const option of year.options) expect(option).toMatch(/^\d{4}$/)
    const people = pack.entities.filter((e) => e.kind === 'person').map((e) => e.name)
    for (const option of choiceOptions(card('person:leon-trotsky'), cards, pack, 3).options) {
      expect(people).toContain(option)
    }
    const figure = choiceOptions(card('figure:trade-total-2014'), cards, pack, 3)
    expect(figure.options.every((o) => o.startsWith('US$'))).toBe(true)
  })

  it('gives hand-written cards their own wrong options of the same kind', () => {
    const first = choiceOptions(card('hand:card-first-in-americas'), cards, pack, 2)
    const countries = [
      'Mexico',
      ...pack.cards.find((c) => c.id === 'card-first-in-americas')!.wrong!
    ]
    for (const option of first.options) expect(countries).toContain(option)
    expect(first.options).toHaveLength(4)
  })

  it('gives the one Russian company other companies, not a two-option give-away', () => {
    const q = choiceOptions(card('company:power-machines'), cards, pack, 5)
    const companies = pack.entities.filter((e) => e.kind === 'company').map((e) => e.name)
    expect(q.options).toHaveLength(4)
    for (const option of q.options) expect(companies).toContain(option)
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
    const equipment = [...pack.trade.equipment.map((q) => q.name), ...pack.decoys!.equipment!]
    expect(igla.options).toHaveLength(4)
    for (const option of igla.options) expect(equipment).toContain(option)
    // A list asked as "which four" is never answered by a list of three.
    const received = choiceOptions(card('equipment:mexican-navy-received'), cards, pack, 1)
    for (const option of received.options) expect(option.split(/, | and /)).toHaveLength(4)
  })
})

describe('orderingSet', () => {
  it('never puts together events the dates cannot order, nor two of one title', () => {
    const byId = (id: string) => pack.events.find((e) => e.id === id)!
    const never = [
      ['2014-trade-total', '2014-ninety-years'],
      ['1917-russian-revolution', '1910-mexican-revolution'],
      ['2001-satellite-launch', '2013-satellite-launch']
    ]
    for (let seed = 0; seed < 300; seed++) {
      const ids = orderingSet(pack.events, 6, seed).map((e) => e.id)
      for (const [a, b] of never)
        expect(ids.includes(a!) && ids.includes(b!), `${a} ${b}`).toBe(false)
    }
    // Two events the dates cannot order make no set at all.
    expect(orderingSet([byId('2014-trade-total'), byId('2014-ninety-years')], 2, 1)).toEqual([])
  })

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
