/**
 * Which questions a practice test asks: cards of the eras and themes chosen, the kinds taken in
 * turn (multiple choice, typed, put in order, fill the gap), and no question that gives another
 * away: siblings (cards of one note) are never asked together, nor two questions where one shows
 * the other's answer. Pure and deterministic for a seed, so tests and the setup form agree.
 */
import type { StudyEvent, Theme } from '$shared/pack-schema'
import { cardIds, noteIds } from '../../domain/card-ids'
import { eventDateLabel } from '../../domain/cards'
import type { StudyContent } from '../../domain/content'
import { choiceOptions, orderingSet, seededRandom, shuffle } from '../../domain/quiz'
import type { ChoiceQuestion } from '../../domain/quiz'
import type { StudyCard } from '../../domain/study-card'
import { foldText } from '../../domain/text-fold'

/** The kinds of question a test may hold. */
export type TestKind = 'choice' | 'typed' | 'order' | 'gap'

/** The kinds in the order the setup form lists them, with their labels. */
export const TEST_KINDS: readonly { id: TestKind; label: string }[] = [
  { id: 'choice', label: 'Multiple choice' },
  { id: 'typed', label: 'Typed answers' },
  { id: 'order', label: 'Put in order' },
  { id: 'gap', label: 'Fill the gap' }
]

/** Events in one "put in order" question: few enough to fit a small window. */
export const ORDER_SIZE = 4

/** What the student chose on the setup form. */
export interface TestConfig {
  count: number
  /** Eras and themes to draw from; empty means all. */
  eras: string[]
  themes: Theme[]
  kinds: TestKind[]
  /** Count the answers towards the FSRS schedule (off by default: a test is practice). */
  counts: boolean
}

/** One question of a test: a card (choice, typed, gap) or a set of events to order. */
export type TestQuestion =
  | { kind: 'choice'; card: StudyCard; choice: ChoiceQuestion }
  | { kind: 'typed' | 'gap'; card: StudyCard }
  | { kind: 'order'; events: StudyEvent[] }

/** The cards a test may ask: those of the eras and themes chosen (all when none is chosen). */
export function testCards(cards: readonly StudyCard[], config: TestConfig): StudyCard[] {
  return cards.filter(
    (c) =>
      (!config.eras.length || config.eras.includes(c.era)) &&
      (!config.themes.length || c.themes.some((t) => config.themes.includes(t)))
  )
}

/** A text folded to its words, space-padded, so a phrase is found only as whole words. */
function words(text: string): string {
  const folded = foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  return folded ? ` ${folded} ` : ''
}

/** What a question puts on screen, and what answering it takes, as folded words. */
export interface Footprint {
  notes: string[]
  shown: string[]
  answers: string[]
}

/** The footprint of a card's question. */
export function cardFootprint(card: StudyCard): Footprint {
  return {
    notes: [card.noteId],
    shown: [words(card.question)],
    answers: [card.answer, ...card.accept].map(words).filter(Boolean)
  }
}

// An ordering shows its events' titles; its answer is their dates: a question that states one of
// them ("…opened in 1891?") would place that event. Its events' own cards are siblings.
function orderFootprint(events: readonly StudyEvent[]): Footprint {
  return {
    notes: events.map((e) => noteIds.event(e.id)),
    shown: events.map((e) => words(e.title)),
    answers: events.map((e) => words(eventDateLabel(e))).filter(Boolean)
  }
}

/** Shown in more questions than this share of the pack, an answer gives nothing away. */
const COMMON_SHARE = 0.1
const commonCache = new WeakMap<readonly StudyCard[], Set<string>>()

/**
 * The answers that half the subject is about ("Mexico" stands in a third of the questions): a
 * question showing one tells nothing, so they do not keep questions apart.
 */
function commonAnswers(cards: readonly StudyCard[]): Set<string> {
  let common = commonCache.get(cards)
  if (common) return common
  const texts = cards.map((c) => words(c.question))
  const limit = cards.length * COMMON_SHARE
  common = new Set()
  for (const card of cards) {
    const answer = words(card.answer)
    if (answer && !common.has(answer) && texts.filter((t) => t.includes(answer)).length > limit) {
      common.add(answer)
    }
  }
  commonCache.set(cards, common)
  return common
}

/**
 * True when two questions may stand in one test: no shared note (siblings), no answer in common,
 * and neither shows the other's answer ("Mexico became the _____ country…" beside "Which country
 * was the first…?").
 */
export function compatible(
  a: Footprint,
  b: Footprint,
  common: ReadonlySet<string> = new Set()
): boolean {
  if (a.notes.some((n) => b.notes.includes(n))) return false
  if (a.answers.some((x) => b.answers.includes(x))) return false
  const shows = (one: Footprint, other: Footprint) =>
    other.answers.some(
      (answer) => !common.has(answer) && one.shown.some((text) => text.includes(answer))
    )
  return !shows(a, b) && !shows(b, a)
}

/** The plan of a test before its options are built: which kind asks which card or events. */
type Planned =
  | { kind: 'choice'; card: StudyCard }
  | { kind: 'typed' | 'gap'; card: StudyCard }
  | { kind: 'order'; events: StudyEvent[] }

/**
 * Plans up to `count` questions. The kinds chosen are taken in turn; a kind with nothing left to
 * ask drops out of the turn. Cloze cards are asked only as gaps, the other cards as multiple
 * choice or typed; an ordering takes events whose "when" card the eras and themes keep.
 */
function plan(content: Pick<StudyContent, 'cards' | 'pack'>, config: TestConfig, seed: number) {
  const random = seededRandom(seed)
  const cards = testCards(content.cards, config)
  const kept = new Set(cards.map((c) => c.id))
  const plain = cards.filter((c) => c.kind !== 'cloze')
  const pools: Record<Exclude<TestKind, 'order'>, StudyCard[]> = {
    choice: shuffle(plain, random),
    typed: shuffle(plain, random),
    gap: shuffle(
      cards.filter((c) => c.kind === 'cloze'),
      random
    )
  }
  let events = content.pack.events.filter((e) => kept.has(cardIds.eventWhen(e.id)))
  const turn = TEST_KINDS.map((k) => k.id).filter((k) => config.kinds.includes(k))
  const chosen: Planned[] = []
  const prints: Footprint[] = []
  const common = commonAnswers(content.cards)
  const fits = (print: Footprint) => prints.every((p) => compatible(p, print, common))

  while (chosen.length < config.count && turn.length) {
    const kind = turn[chosen.length % turn.length]!
    let found: Planned | undefined
    let print: Footprint | undefined
    if (kind === 'order') {
      events = events.filter((e) => fits(orderFootprint([e])))
      const set = orderingSet(events, ORDER_SIZE, seed + chosen.length)
      if (set.length >= 3) {
        events = events.filter((e) => !set.includes(e))
        found = { kind, events: set }
        print = orderFootprint(set)
      }
    } else {
      const pool = pools[kind]
      while (pool.length && !found) {
        const card = pool.shift()!
        const cardPrint = cardFootprint(card)
        if (fits(cardPrint)) {
          found = kind === 'choice' ? { kind, card } : { kind, card }
          print = cardPrint
        }
      }
    }
    if (!found || !print) {
      turn.splice(turn.indexOf(kind), 1)
      continue
    }
    chosen.push(found)
    prints.push(print)
  }
  return chosen
}

/** Draws the questions of a test for a seed: the plan, with each multiple choice's options. */
export function drawTest(
  content: Pick<StudyContent, 'cards' | 'pack'>,
  config: TestConfig,
  seed: number
): TestQuestion[] {
  return plan(content, config, seed).map((q, i): TestQuestion => {
    if (q.kind !== 'choice') return q
    return { ...q, choice: choiceOptions(q.card, content.cards, content.pack, seed + i) }
  })
}

/** How many questions the eras, themes and kinds chosen can give at most (for the setup form). */
export function testCapacity(
  content: Pick<StudyContent, 'cards' | 'pack'>,
  config: TestConfig
): number {
  return plan(content, { ...config, count: Infinity }, 0).length
}
