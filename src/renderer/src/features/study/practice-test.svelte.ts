/**
 * A practice test (as Quizlet's): a number of questions drawn from the eras, themes and kinds
 * chosen, answered without being told the answers until the end; then the score and each mistake.
 * A finished test logs each answer as mode `test`. Not counted (the default), the logs are marked
 * `scheduled: false` and no card changes; counted, the answers go through the normal answer path
 * (Good when right, Again when wrong) and schedule the cards. Either way in one transaction.
 */
import type { Pack } from '$shared/pack-schema'
import type { StudyContent } from '../../domain/content'
import { hashString } from '../../domain/quiz'
import type { StudyStore } from '../../db/review-queue'
import { logPracticeTest, type PracticeReview } from '../../db/test-log'
import { drawTest, testCapacity, type TestConfig, type TestQuestion } from './practice-test-draw'
import {
  markAnswer,
  missedCardIds,
  testMistakes,
  testReviews,
  testScore,
  type TestAnswer,
  type TestMistake,
  type TestResponse
} from './practice-test-score'

/** Writes the logs of a test not counted towards the schedule. */
export type PracticeLogger = (reviews: readonly PracticeReview[]) => Promise<unknown>

/** A practice test as it runs: the setup chosen, the questions, the answers, the score. */
export class PracticeTest {
  phase = $state<'setup' | 'running' | 'results'>('setup')
  config = $state<TestConfig>({
    count: 10,
    eras: [],
    themes: [],
    kinds: ['choice', 'typed', 'order', 'gap'],
    counts: false
  })
  questions = $state.raw<TestQuestion[]>([])
  answers = $state.raw<TestAnswer[]>([])
  /** Whether the test on screen counts towards the schedule (fixed when it starts). */
  counted = $state(false)
  /** The pack, for the setup form's eras. */
  readonly pack: Pack
  #shownAt = 0

  constructor(
    readonly content: StudyContent,
    private store: StudyStore,
    private retention: () => number,
    private readonly logPractice: PracticeLogger = (reviews) => logPracticeTest(reviews)
  ) {
    this.pack = content.pack
  }

  /** Takes the store and retention of a new study page (the test itself is kept). */
  rebind = (store: StudyStore, retention: () => number): void => {
    this.store = store
    this.retention = retention
  }

  /** How many questions the present choice of eras, themes and kinds can give at most. */
  readonly available: number = $derived.by(() => testCapacity(this.content, this.config))

  /** The question on screen while the test runs. */
  get current(): TestQuestion | undefined {
    return this.phase === 'running' ? this.questions[this.answers.length] : undefined
  }

  /** The right answers. */
  get score(): number {
    return testScore(this.answers)
  }

  /** The questions answered wrong, with what was given. */
  get mistakes(): TestMistake[] {
    return testMistakes(this.questions, this.answers)
  }

  /** The cards to study again: those missed. */
  get missedIds(): string[] {
    return missedCardIds(this.mistakes)
  }

  /** Draws the questions and starts; stays on the setup when nothing can be asked. */
  start = (now = Date.now()): void => {
    this.questions = drawTest(this.content, $state.snapshot(this.config), hashString(String(now)))
    this.answers = []
    this.counted = this.config.counts
    this.#shownAt = now
    this.phase = this.questions.length ? 'running' : 'setup'
  }

  /** Records an answer, says nothing of it, and goes on; the last one finishes the test. */
  answer = async (response: TestResponse, now = Date.now()): Promise<void> => {
    const question = this.current
    if (!question) return
    const timing = { answeredAt: now, durationMs: Math.max(0, now - this.#shownAt) }
    const answer = markAnswer(question, response, this.pack, timing)
    this.answers = [...this.answers, answer]
    this.#shownAt = now
    if (this.answers.length < this.questions.length) return
    try {
      await this.#record()
    } catch (error) {
      // Nothing was saved: the last question comes back, so answering it again retries.
      this.answers = this.answers.slice(0, -1)
      throw error
    }
    this.phase = 'results'
  }

  /** Logs the test: through the normal answer path when counted, else as practice only. */
  async #record(): Promise<void> {
    const retention = this.retention()
    const reviews = testReviews(this.questions, this.answers)
    if (this.counted) {
      await this.store.answerCards(
        reviews.map((r) => ({
          cardId: r.cardId,
          rating: r.rating,
          mode: 'test' as const,
          retention,
          durationMs: r.durationMs,
          now: r.reviewedAt
        }))
      )
    } else {
      await this.logPractice(reviews.map((r) => ({ ...r, retention })))
    }
  }

  /** Back to the setup form for another test. */
  again = (): void => {
    this.phase = 'setup'
    this.questions = []
    this.answers = []
  }
}

let kept: PracticeTest | undefined

/**
 * The study page's practice test, kept while the app runs: a look-up from the results (or from
 * the middle of a test) and Back find the test as it was, as a study session survives one.
 */
export function keptPracticeTest(
  content: StudyContent,
  store: StudyStore,
  retention: () => number
): PracticeTest {
  if (kept?.content !== content) kept = new PracticeTest(content, store, retention)
  else kept.rebind(store, retention)
  return kept
}
