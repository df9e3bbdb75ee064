/**
 * Drawing a practice test from the real pack: the number asked, the eras, themes and kinds
 * chosen, one right answer per question, and no question that gives another away.
 */
import { describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { cardIds, noteIds } from '../../domain/card-ids'
import { eventDateLabel, settledOrder } from '../../domain/cards'
import { buildStudyContent } from '../../domain/content'
import { gradeTyped } from '../../domain/grading'
import { foldText } from '../../domain/text-fold'
import {
  cardFootprint,
  compatible,
  drawTest,
  testCapacity,
  type TestConfig,
  type TestKind,
  type TestQuestion
} from './practice-test-draw'

const content = buildStudyContent(realPack())
const ALL: TestKind[] = ['choice', 'typed', 'order', 'gap']
const config = (change: Partial<TestConfig> = {}): TestConfig => ({
  count: 20,
  eras: [],
  themes: [],
  kinds: ALL,
  counts: false,
  ...change
})
const SEEDS = Array.from({ length: 25 }, (_, i) => 1000 + i * 7919)

/** The note ids a question takes (an ordering: each of its events). */
const notesOf = (q: TestQuestion) =>
  q.kind === 'order' ? q.events.map((e) => noteIds.event(e.id)) : [q.card.noteId]
/** The cards a question asks. */
const cardsOf = (q: TestQuestion) =>
  q.kind === 'order'
    ? q.events.map((e) => content.cardById.get(cardIds.eventWhen(e.id))!)
    : [q.card]
/** Words of a text, folded, padded: whole-word search as the drawing does it. */
const words = (t: string) =>
  ` ${foldText(t)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `

describe('drawing a practice test', () => {
  it('asks as many questions as chosen, the kinds taken in turn', () => {
    for (const count of [5, 10, 20]) {
      const test = drawTest(content, config({ count }), 42)
      expect(test).toHaveLength(count)
      expect(test.slice(0, 4).map((q) => q.kind)).toEqual(['choice', 'typed', 'order', 'gap'])
    }
  })

  it('asks only the kinds chosen: gaps from cloze cards, the others from the rest', () => {
    for (const kinds of [['choice'], ['typed'], ['gap'], ['order'], ['typed', 'gap']] as const) {
      for (const seed of SEEDS.slice(0, 5)) {
        const test = drawTest(content, config({ kinds: [...kinds], count: 5 }), seed)
        expect(test.length).toBeGreaterThan(0)
        for (const q of test) {
          expect(kinds).toContain(q.kind)
          if (q.kind === 'gap') expect(q.card.kind).toBe('cloze')
          if (q.kind === 'choice' || q.kind === 'typed') expect(q.card.kind).not.toBe('cloze')
          if (q.kind === 'order') expect(q.events.length).toBeGreaterThanOrEqual(3)
        }
      }
    }
    expect(drawTest(content, config({ kinds: [] }), 1)).toEqual([])
  })

  it('keeps to the eras and themes chosen (none chosen: all)', () => {
    const eras = ['soviet-union']
    for (const seed of SEEDS.slice(0, 5)) {
      const soviet = drawTest(content, config({ eras, count: 10 }), seed)
      expect(soviet.length).toBeGreaterThan(5)
      for (const q of soviet) {
        for (const card of cardsOf(q)) expect(card.era).toBe('soviet-union')
      }
      const trade = drawTest(content, config({ themes: ['trade-economy'], count: 10 }), seed)
      expect(trade.length).toBeGreaterThan(5)
      for (const q of trade) {
        for (const card of cardsOf(q)) expect(card.themes).toContain('trade-economy')
      }
    }
    const both = drawTest(content, config({ eras: ['early-contact'], themes: ['space'] }), 3)
    expect(both).toEqual([])
    expect(testCapacity(content, config({ eras: ['early-contact'], themes: ['space'] }))).toBe(0)
  })

  it('gives each question one right answer', () => {
    for (const seed of SEEDS) {
      for (const q of drawTest(content, config(), seed)) {
        if (q.kind === 'choice') {
          const { options, correctIndex } = q.choice
          expect(options[correctIndex]).toBe(q.card.answer)
          expect(options.filter((o) => o === q.card.answer)).toHaveLength(1)
          const alsoRight = options.filter(
            (o, i) => i !== correctIndex && gradeTyped(o, q.card).correct
          )
          expect(alsoRight, q.card.id).toEqual([])
        }
        if (q.kind === 'order') {
          // Every two events' dates settle which came first: one order is right.
          for (const a of q.events) {
            for (const b of q.events) if (a !== b) expect(settledOrder(a, b)).not.toBe(0)
          }
        }
        if (q.kind === 'typed' || q.kind === 'gap') {
          expect(gradeTyped(q.card.answer, q.card).correct).toBe(true)
        }
      }
    }
  })

  it('never asks siblings together, nor a question that shows another one’s answer', () => {
    for (const seed of SEEDS) {
      const test = drawTest(content, config(), seed)
      const notes = test.flatMap(notesOf)
      expect(new Set(notes).size, `seed ${seed}`).toBe(notes.length)
      const cards = test.filter((q) => q.kind !== 'order').map((q) => q.card)
      const answers = cards.map((c) => words(c.answer))
      expect(new Set(answers).size).toBe(answers.length)
      for (const a of cards) {
        for (const b of cards) {
          if (a === b || words(b.answer) === ' mexico ') continue
          expect(words(a.question), `${a.id} shows ${b.id}'s answer`).not.toContain(words(b.answer))
        }
      }
      // Nor one that states the date of an event to put in order.
      for (const q of test) {
        if (q.kind !== 'order') continue
        for (const e of q.events) {
          for (const c of cards) expect(words(c.question)).not.toContain(words(eventDateLabel(e)))
        }
      }
    }
  })

  it('keeps apart the pair the first try showed together', () => {
    // "Mexico became the _____ country … to establish relations with the USSR" shows the answer
    // of "Which country was the first …?", and that one shows "first".
    const gap = content.cards.find(
      (c) => c.kind === 'cloze' && c.answer === 'first' && c.question.includes('USSR')
    )!
    const country = content.cards.find(
      (c) => c.question.startsWith('Which country was the first') && c.answer === 'Mexico'
    )!
    expect(gap.noteId).not.toBe(country.noteId)
    expect(compatible(cardFootprint(gap), cardFootprint(country))).toBe(false)
    // Two places whose answer is the capital are never asked together either.
    const capital = content.cards.filter((c) => c.answer === 'Mexico City')
    expect(capital.length).toBeGreaterThan(1)
    expect(compatible(cardFootprint(capital[0]!), cardFootprint(capital[1]!))).toBe(false)
  })

  it('is the same test for the same seed, another for another seed', () => {
    const ids = (seed: number) =>
      drawTest(content, config(), seed).map((q) =>
        q.kind === 'order' ? q.events.map((e) => e.id).join('+') : q.card.id
      )
    expect(ids(7)).toEqual(ids(7))
    expect(ids(7)).not.toEqual(ids(8))
  })

  it('says how many questions the choices can give at most', () => {
    const all = testCapacity(content, config())
    expect(all).toBeGreaterThanOrEqual(20)
    // No more than there are notes: siblings are never asked together.
    expect(all).toBeLessThanOrEqual(new Set(content.cards.map((c) => c.noteId)).size)
    const orderOnly = testCapacity(content, config({ kinds: ['order'] }))
    expect(orderOnly).toBeGreaterThan(0)
    expect(orderOnly * 3).toBeLessThanOrEqual(content.pack.events.length)
    const few = drawTest(content, config({ count: 20, kinds: ['order'] }), 5)
    expect(few.length).toBeLessThan(20)
  })
})
