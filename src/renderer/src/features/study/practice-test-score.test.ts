/**
 * Marking a practice test: each kind judged as the rest of the app judges it, the score, the
 * mistakes and the cards to study again, and the reviews the test logs.
 */
import { describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { cardIds } from '../../domain/card-ids'
import { eventSortKey } from '../../domain/cards'
import { buildStudyContent } from '../../domain/content'
import { drawTest, type TestQuestion } from './practice-test-draw'
import {
  markAnswer,
  missedCardIds,
  questionCardIds,
  testMistakes,
  testReviews,
  testScore,
  type TestAnswer
} from './practice-test-score'

const content = buildStudyContent(realPack())
const pack = content.pack
const at = (n: number) => ({ answeredAt: 1_000 * n, durationMs: 4_000 })
const test = drawTest(
  content,
  { count: 8, eras: [], themes: [], kinds: ['choice', 'typed', 'order', 'gap'], counts: false },
  11
)
const find = <K extends TestQuestion['kind']>(kind: K) =>
  test.find((q) => q.kind === kind) as TestQuestion & { kind: K }

describe('marking a practice test', () => {
  it('judges an option by its index', () => {
    const q = find('choice')
    const right = markAnswer(q, q.choice.correctIndex, pack, at(1))
    expect(right).toMatchObject({ pass: true, given: q.card.answer })
    const wrongIndex = (q.choice.correctIndex + 1) % q.choice.options.length
    const wrong = markAnswer(q, wrongIndex, pack, at(2))
    expect(wrong).toMatchObject({ pass: false, given: q.choice.options[wrongIndex] })
  })

  it('judges typed answers and gaps with the typed-answer grader (forgiving a typo)', () => {
    for (const q of [find('typed'), find('gap')]) {
      expect(markAnswer(q, `  ${q.card.answer}  `, pack, at(1)).pass).toBe(true)
      expect(markAnswer(q, '', pack, at(1))).toMatchObject({ pass: false, given: '' })
    }
    const apec = content.cards.find((c) => c.kind === 'cloze' && c.accept.includes('APEC'))!
    const gap = { kind: 'gap' as const, card: apec }
    expect(markAnswer(gap, 'Asia-Pacific Economic Cooperatoin', pack, at(1)).pass).toBe(true)
    expect(markAnswer(gap, 'apec', pack, at(1)).pass).toBe(true)
    // A cloze answered by a gap is the card's own answer: "first", not "second".
    const first = content.cards.find((c) => c.kind === 'cloze' && c.answer === 'first')!
    expect(markAnswer({ kind: 'gap', card: first }, 'second', pack, at(1)).pass).toBe(false)
  })

  it('judges an ordering by the events out of place', () => {
    const q = find('order')
    const sorted = [...q.events].sort((a, b) => eventSortKey(a) - eventSortKey(b))
    const right = markAnswer(
      q,
      sorted.map((e) => e.id),
      pack,
      at(1)
    )
    expect(right).toMatchObject({ pass: true, misplacedIds: [] })
    const swapped = [sorted[1]!, sorted[0]!, ...sorted.slice(2)]
    const wrong = markAnswer(
      q,
      swapped.map((e) => e.id),
      pack,
      at(2)
    )
    expect(wrong.pass).toBe(false)
    expect(wrong.misplacedIds).toHaveLength(1)
    expect(wrong.given).toBe(swapped.map((e) => e.title).join(' → '))
    // An answer that lost an event is taken as the order drawn, never as right by default.
    const lost = markAnswer(q, [sorted[0]!.id], pack, at(3))
    expect(lost.placed).toEqual(q.events)
    expect(lost.pass).toBe(false)
  })

  it('scores, lists the mistakes and the cards missed, and logs one review per card asked', () => {
    const answers: TestAnswer[] = test.map((q, i) => {
      if (i % 2 === 0) return markAnswer(q, wrongResponse(q), pack, at(i))
      return markAnswer(q, rightResponse(q), pack, at(i))
    })
    expect(testScore(answers)).toBe(4)
    const mistakes = testMistakes(test, answers)
    expect(mistakes.map((m) => m.question)).toEqual(test.filter((_, i) => i % 2 === 0))
    const missed = missedCardIds(mistakes)
    for (const m of mistakes) {
      if (m.question.kind === 'order') {
        expect(m.answer.misplacedIds!.length).toBeGreaterThan(0)
        for (const id of m.answer.misplacedIds!) expect(missed).toContain(cardIds.eventWhen(id))
      } else expect(missed).toContain(m.question.card.id)
    }

    const reviews = testReviews(test, answers)
    expect(reviews.map((r) => r.cardId)).toEqual(test.flatMap(questionCardIds))
    for (const [i, q] of test.entries()) {
      const mine = reviews.filter((r) => questionCardIds(q).includes(r.cardId))
      const wrong = new Set((answers[i]!.misplacedIds ?? []).map((id) => cardIds.eventWhen(id)))
      for (const r of mine) {
        const pass = q.kind === 'order' ? !wrong.has(r.cardId) : answers[i]!.pass
        expect(r.rating).toBe(pass ? 3 : 1)
        expect(r.reviewedAt).toBe(answers[i]!.answeredAt)
      }
    }
  })
})

function rightResponse(q: TestQuestion) {
  if (q.kind === 'choice') return q.choice.correctIndex
  if (q.kind === 'order') {
    return [...q.events].sort((a, b) => eventSortKey(a) - eventSortKey(b)).map((e) => e.id)
  }
  return q.card.answer
}

function wrongResponse(q: TestQuestion) {
  if (q.kind === 'choice') return (q.choice.correctIndex + 1) % q.choice.options.length
  if (q.kind === 'order') {
    return [...q.events].sort((a, b) => eventSortKey(b) - eventSortKey(a)).map((e) => e.id)
  }
  return 'no idea'
}
