/**
 * What the student is told after an answer: a typed answer graded (with why), the verdict line,
 * the intervals on the grade buttons (saying so when two are equal) and the live-region message.
 */
import { cardIds } from '../../domain/card-ids'
import type { Pack } from '$shared/pack-schema'
import type { ReviewMode } from '../../domain/card-state'
import { gradeNumeric, gradeTyped } from '../../domain/grading'
import { modeFor, quizRating } from '../../domain/quiz'
import { formatInterval, type Rating } from '../../domain/scheduler'
import type { StudyCard } from '../../domain/study-card'

export const RATING_LABELS: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' }
export const RATINGS: readonly Rating[] = [1, 2, 3, 4]

export interface QuizResult {
  pass: boolean
  rating: Rating
  /** What the user gave, as shown back. */
  given: string
  /** The answer expected, shown beside what was given. */
  expected: string
  detail?: string
  /** True when the student overruled the automatic grade. */
  overruled?: boolean
}

/** A typed answer graded forgivingly (numbers within 5 % for trade figures), with why. */
export function gradeTypedAnswer(
  card: StudyCard,
  text: string,
  pack: Pack
): { result: QuizResult; mode: ReviewMode } {
  const mode = modeFor(card, 'typed')
  let pass: boolean
  let detail: string | undefined
  if (mode === 'numeric') {
    const figure = pack.trade.figures.find((f) => cardIds.figure(f.id) === card.id)
    const graded = gradeNumeric(text, figure?.value ?? NaN)
    pass = graded.correct
    detail =
      graded.parsed === null
        ? 'That could not be read as a number.'
        : `Read as ${graded.parsed.toLocaleString('en-US')}; within 5 % counts as right.`
  } else {
    const graded = gradeTyped(text, card)
    pass = graded.correct
    if (pass && !graded.exact) detail = 'Close enough: small differences are forgiven.'
    if (!pass && card.parts) {
      detail = card.include
        ? 'Name at least one of them: each one the article names counts.'
        : card.ordered
          ? 'Both parts are needed, in the order asked.'
          : `All ${card.parts.length} are needed, in any order.`
    }
  }
  return {
    result: { pass, rating: quizRating(pass), given: text, expected: card.answer, detail },
    mode
  }
}

/** "Correct — graded Good", "Not quite — graded Again", or the grade the student chose. */
export function verdictText(result: Pick<QuizResult, 'pass' | 'rating' | 'overruled'>): string {
  if (result.overruled) return `Your grade — ${RATING_LABELS[result.rating]}`
  return `${result.pass ? 'Correct' : 'Not quite'} — graded ${RATING_LABELS[result.rating]}`
}

export interface IntervalLabel {
  text: string
  /** The lower button that shows the same interval, named so two equal labels are explained. */
  sameAs?: Rating
}

/**
 * The interval on each grade button. FSRS can give two buttons the same due time once rounded
 * (ts-fsrs rounds to whole days past the first day, as Anki shows); then the higher button says
 * it is the same as the lower one instead of showing two identical labels without comment.
 */
export function intervalLabels(intervals: Record<Rating, number>): Record<Rating, IntervalLabel> {
  const out = {} as Record<Rating, IntervalLabel>
  for (const r of RATINGS) {
    const text = formatInterval(intervals[r])
    const same = RATINGS.find((lower) => lower < r && out[lower].text === text)
    out[r] = same ? { text, sameAs: same } : { text }
  }
  return out
}

/** The polite live-region message after an answer: the verdict and when the card comes back. */
export function answerAnnouncement(verdict: string, nextInMs: number | null): string {
  return nextInMs === null ? verdict : `${verdict}. Next review in ${formatInterval(nextInMs)}.`
}
