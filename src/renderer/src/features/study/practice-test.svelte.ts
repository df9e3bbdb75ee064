/**
 * A practice test (as Quizlet's): a number of questions drawn from the eras, themes and kinds
 * chosen, answered without being told the answers until the end; then the score and each mistake.
 * It changes no FSRS schedule unless the student counts it towards the schedule: then each answer
 * is graded as a review whose log is marked `test` (all in one transaction).
 */
import type { Pack, Theme } from '$shared/pack-schema'
import type { StudyContent } from '../../domain/content'
import { choiceOptions, hashString, quizRating, seededRandom, shuffle } from '../../domain/quiz'
import type { ChoiceQuestion } from '../../domain/quiz'
import type { StudyCard } from '../../domain/study-card'
import type { StudyStore } from '../../db/review-queue'
import { gradeTypedAnswer } from './feedback'

export type TestKind = 'choice' | 'typed'

export interface TestConfig {
  count: number
  /** Eras and themes to draw from; empty means all. */
  eras: string[]
  themes: Theme[]
  kinds: TestKind[]
  /** Count the answers towards the FSRS schedule (off by default: a test is practice). */
  counts: boolean
}

export interface TestQuestion {
  card: StudyCard
  kind: TestKind
  choice: ChoiceQuestion | null
}

export interface TestAnswer {
  given: string
  pass: boolean
}

/** The cards a test may ask: those of the eras and themes chosen (all when none is chosen). */
export function testCards(cards: readonly StudyCard[], config: TestConfig): StudyCard[] {
  return cards.filter(
    (c) =>
      (!config.eras.length || config.eras.includes(c.era)) &&
      (!config.themes.length || c.themes.some((t) => config.themes.includes(t)))
  )
}

/** Draws the questions of a test: cards shuffled by the seed, kinds taken in turn. */
export function drawTest(
  content: Pick<StudyContent, 'cards' | 'pack'>,
  config: TestConfig,
  seed: number
): TestQuestion[] {
  const pool = shuffle(testCards(content.cards, config), seededRandom(seed))
  const kinds = config.kinds.length ? config.kinds : (['choice'] as TestKind[])
  return pool.slice(0, config.count).map((card, i) => {
    const kind = kinds[i % kinds.length]!
    const choice =
      kind === 'choice' ? choiceOptions(card, content.cards, content.pack, seed + i) : null
    return { card, kind, choice }
  })
}

export class PracticeTest {
  phase = $state<'setup' | 'running' | 'results'>('setup')
  config = $state<TestConfig>({
    count: 10,
    eras: [],
    themes: [],
    kinds: ['choice', 'typed'],
    counts: false
  })
  questions = $state.raw<TestQuestion[]>([])
  answers = $state<TestAnswer[]>([])
  /** The questions a started test may draw from, for the setup form. */
  readonly pack: Pack
  #startedAt = 0

  constructor(
    private readonly content: StudyContent,
    private readonly store: StudyStore,
    private readonly retention: () => number
  ) {
    this.pack = content.pack
  }

  /** How many cards the present choice of eras and themes keeps. */
  get available(): number {
    return testCards(this.content.cards, this.config).length
  }

  /** The question on screen while the test runs. */
  get current(): TestQuestion | undefined {
    return this.questions[this.answers.length]
  }

  get score(): number {
    return this.answers.filter((a) => a.pass).length
  }

  /** The questions answered wrong, with what was given. */
  get mistakes(): { question: TestQuestion; answer: TestAnswer }[] {
    return this.answers
      .map((answer, i) => ({ question: this.questions[i]!, answer }))
      .filter((m) => !m.answer.pass)
  }

  start = (now = Date.now()): void => {
    this.questions = drawTest(this.content, this.config, hashString(String(now)))
    this.answers = []
    this.#startedAt = now
    this.phase = this.questions.length ? 'running' : 'setup'
  }

  /** Records an answer (an option's index or typed text), says nothing of it, and goes on. */
  answer = async (given: number | string): Promise<void> => {
    const question = this.current
    if (this.phase !== 'running' || !question) return
    let answer: TestAnswer
    if (question.kind === 'choice' && question.choice && typeof given === 'number') {
      answer = {
        given: question.choice.options[given] ?? '',
        pass: given === question.choice.correctIndex
      }
    } else {
      const text = String(given)
      answer = { given: text, pass: gradeTypedAnswer(question.card, text, this.pack).result.pass }
    }
    this.answers = [...this.answers, answer]
    if (this.answers.length === this.questions.length) await this.#finish()
  }

  async #finish(): Promise<void> {
    if (this.config.counts) {
      const durationMs = (Date.now() - this.#startedAt) / Math.max(1, this.answers.length)
      await this.store.answerCards(
        this.answers.map((a, i) => ({
          cardId: this.questions[i]!.card.id,
          rating: quizRating(a.pass),
          mode: 'test' as const,
          retention: this.retention(),
          durationMs
        }))
      )
    }
    this.phase = 'results'
  }

  /** Back to the setup form for another test. */
  again = (): void => {
    this.phase = 'setup'
    this.questions = []
    this.answers = []
  }
}
