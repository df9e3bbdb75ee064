/**
 * How a practice test is marked: each answer judged as the rest of the app judges it (options by
 * index, typed answers and gaps by the typed-answer grader, an ordering by the events out of
 * place), the score, the mistakes to show, and the reviews the test logs (one per card asked).
 */
import type { Pack, StudyEvent } from '$shared/pack-schema'
import { cardIds } from '../../domain/card-ids'
import { eventSortKey } from '../../domain/cards'
import { misplaced } from '../../domain/grading'
import { quizRating } from '../../domain/quiz'
import type { Rating } from '../../domain/scheduler'
import { gradeTypedAnswer } from './feedback'
import type { TestQuestion } from './practice-test-draw'

/** What the student gave: an option's index, typed text, or the events' ids in the order placed. */
export type TestResponse = number | string | readonly string[]

/** An answer as the test keeps it. */
export interface TestAnswer {
  /** What was given, as shown back ("(nothing)" is drawn for an empty answer). */
  given: string
  pass: boolean
  /** For an ordering: the events in the order placed, and the ids of those out of place. */
  placed?: StudyEvent[]
  misplacedIds?: string[]
  /** When the answer was given, and how long it took (epoch ms, ms). */
  answeredAt: number
  durationMs: number
}

/** Marks one answer (no verdict is shown until the end; the test only keeps it). */
export function markAnswer(
  question: TestQuestion,
  response: TestResponse,
  pack: Pack,
  timing: { answeredAt: number; durationMs: number }
): TestAnswer {
  switch (question.kind) {
    case 'choice': {
      const index = typeof response === 'number' ? response : -1
      return {
        given: question.choice.options[index] ?? '',
        pass: index === question.choice.correctIndex,
        ...timing
      }
    }
    case 'typed':
    case 'gap': {
      const text = typeof response === 'string' ? response.trim() : ''
      return {
        given: text,
        pass: gradeTypedAnswer(question.card, text, pack).result.pass,
        ...timing
      }
    }
    case 'order': {
      const ids = Array.isArray(response) ? response : []
      const byId = new Map(question.events.map((e) => [e.id, e]))
      const placed = ids.map((id) => byId.get(id)).filter((e): e is StudyEvent => !!e)
      // An answer that lost or doubled an event is the order as drawn.
      const order = placed.length === question.events.length ? placed : question.events
      const wrong = misplaced(order, eventSortKey).map((i) => order[i]!.id)
      return {
        given: order.map((e) => e.title).join(' → '),
        pass: wrong.length === 0,
        placed: order,
        misplacedIds: wrong,
        ...timing
      }
    }
  }
}

/** The card ids a question asks: its card, or each ordered event's "when" card. */
export function questionCardIds(question: TestQuestion): string[] {
  return question.kind === 'order'
    ? question.events.map((e) => cardIds.eventWhen(e.id))
    : [question.card.id]
}

/** The right answers in a test. */
export function testScore(answers: readonly TestAnswer[]): number {
  return answers.filter((a) => a.pass).length
}

/** A question answered wrong, with what was given. */
export interface TestMistake {
  question: TestQuestion
  answer: TestAnswer
}

/** The questions answered wrong, in the order asked. */
export function testMistakes(
  questions: readonly TestQuestion[],
  answers: readonly TestAnswer[]
): TestMistake[] {
  return answers
    .map((answer, i) => ({ question: questions[i]!, answer }))
    .filter((m) => !m.answer.pass)
}

/** The cards to study again after a test: each card missed (the misplaced events' "when" cards). */
export function missedCardIds(mistakes: readonly TestMistake[]): string[] {
  return mistakes.flatMap(({ question, answer }) =>
    question.kind === 'order'
      ? (answer.misplacedIds ?? []).map((id) => cardIds.eventWhen(id))
      : [question.card.id]
  )
}

/** One review a test logs: a card, its grade, when and how long. */
export interface TestReview {
  cardId: string
  rating: Rating
  reviewedAt: number
  durationMs: number
}

/**
 * The reviews a finished test logs, one per card asked, graded as the rest of the app grades a
 * quiz: Good when right, Again when wrong; in an ordering each event's "when" card on its own
 * (Again when out of place), as "Put in order" grades it.
 */
export function testReviews(
  questions: readonly TestQuestion[],
  answers: readonly TestAnswer[]
): TestReview[] {
  return answers.flatMap((answer, i) => {
    const question = questions[i]!
    const wrong = new Set(answer.misplacedIds ?? [])
    const timing = { reviewedAt: answer.answeredAt, durationMs: answer.durationMs }
    if (question.kind !== 'order') {
      return [{ cardId: question.card.id, rating: quizRating(answer.pass), ...timing }]
    }
    const each = answer.durationMs / question.events.length
    return question.events.map((e) => ({
      cardId: cardIds.eventWhen(e.id),
      rating: quizRating(!wrong.has(e.id)),
      reviewedAt: answer.answeredAt,
      durationMs: each
    }))
  })
}
