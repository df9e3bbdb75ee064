/**
 * Builds the quiz exercises from the cards: multiple-choice options of the answer's kind and form,
 * and sets of events to put in order that the article's dates settle. Deterministic for a seed,
 * so tests and replays agree.
 */
import type { Pack, StudyEvent } from '$shared/pack-schema'
import { datesOverlap, eventDateLabel, settledOrder } from './cards/event-dates'
import { gradeTyped, normalizeAnswer } from './grading'
import { optionPool } from './quiz-options'
import type { StudyCard } from './study-card'
import type { ReviewMode } from './card-state'
import type { Rating } from './scheduler'

export { figureDistractors, formatDate } from './quiz-options'

/** A small fast seeded generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** A stable 32-bit hash of a string (FNV-1a), to seed per card. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A shuffled copy (Fisher–Yates with the seeded generator). */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/**
 * Answers that would be right for this card too, normalized: those of any card asking the same
 * question, and for events, what else happened (or when else) at a time that could be the same
 * ("1910-1920" for "What happened — 1917?").
 */
function alsoRight(card: StudyCard, cards: readonly StudyCard[], pack: Pack): Set<string> {
  const right = new Set<string>()
  for (const c of cards) {
    if (c.id === card.id || c.question !== card.question) continue
    for (const a of [c.answer, ...c.accept]) right.add(normalizeAnswer(a))
  }
  const event = card.eventId ? pack.events.find((e) => e.id === card.eventId) : undefined
  if (event && (card.kind === 'event-what' || card.kind === 'event-when')) {
    for (const other of pack.events) {
      if (other.id === event.id || !datesOverlap(event, other)) continue
      right.add(normalizeAnswer(card.kind === 'event-what' ? other.title : eventDateLabel(other)))
    }
  }
  return right
}

const wrongCache = new WeakMap<readonly StudyCard[], Map<string, string[]>>()

/**
 * The wrong options a card may offer, nearest first: its pool without repeats, without answers
 * right for the same question and without any the typed grader would accept. The same for every
 * seed, so it is worked out once per card.
 */
function wrongOptions(card: StudyCard, cards: readonly StudyCard[], pack: Pack): string[] {
  let byCard = wrongCache.get(cards)
  if (!byCard) wrongCache.set(cards, (byCard = new Map()))
  const cached = byCard.get(card.id)
  if (cached) return cached
  const right = alsoRight(card, cards, pack)
  const seen = new Set([normalizeAnswer(card.answer)])
  const distinct: string[] = []
  for (const option of optionPool(card, cards, pack)) {
    const key = normalizeAnswer(option)
    if (seen.has(key) || right.has(key) || gradeTyped(option, card).correct) continue
    seen.add(key)
    distinct.push(option)
  }
  byCard.set(card.id, distinct)
  return distinct
}

/** The options of a multiple-choice question and which one is right. */
export interface ChoiceQuestion {
  options: string[]
  correctIndex: number
}

/**
 * Up to four options: the answer and wrong options of its kind and form (nearby years for "when",
 * people of the same time for "who"…), in an order fixed by the seed. Fewer when the pack has
 * fewer. No wrong option is right under the typed grader, nor for the same question.
 */
export function choiceOptions(
  card: StudyCard,
  cards: readonly StudyCard[],
  pack: Pack,
  seed: number
): ChoiceQuestion {
  const random = seededRandom(seed ^ hashString(card.id))
  const distinct = wrongOptions(card, cards, pack)
  // Prefer the nearest candidates but vary which among them.
  const near = shuffle(distinct.slice(0, 6), random)
  const picked = [...near, ...shuffle(distinct.slice(6), random)].slice(0, 3)
  const options = shuffle([card.answer, ...picked], random)
  return { options, correctIndex: options.indexOf(card.answer) }
}

/**
 * Picks `count` (4–6) events for an ordering exercise, shuffled out of order: only events whose
 * dates settle their order against every other in the set at their precision ("2014" and "August
 * 2014" never meet), and never two with the same title. Empty when fewer than two such events.
 */
export function orderingSet(events: StudyEvent[], count: number, seed: number): StudyEvent[] {
  const random = seededRandom(seed)
  const n = Math.max(2, Math.min(count, events.length))
  const chosen: StudyEvent[] = []
  for (const e of shuffle(events, random)) {
    if (chosen.length === n) break
    if (chosen.some((c) => c.title === e.title || settledOrder(c, e) === 0)) continue
    chosen.push(e)
  }
  // One event is nothing to order.
  if (chosen.length < 2) return []
  let order = shuffle(chosen, random)
  // Never hand out a set that is already in order.
  const sorted = (list: StudyEvent[]) =>
    list.every((e, i) => i === 0 || settledOrder(list[i - 1]!, e) < 0)
  for (let tries = 0; sorted(order) && order.length > 1 && tries < 10; tries++) {
    order = shuffle(chosen, random)
  }
  if (sorted(order) && order.length > 1) order = [...order].reverse()
  return order
}

/** The grade an auto-graded quiz answer feeds to the schedule: pass → Good, fail → Again. */
export function quizRating(pass: boolean): Rating {
  return pass ? 3 : 1
}

/** The mode a card is asked in, given the mode chosen: figures are typed as numbers. */
export function modeFor(card: StudyCard, chosen: 'flip' | 'choice' | 'typed'): ReviewMode {
  if (chosen === 'typed' && card.kind === 'figure') return 'numeric'
  return chosen
}
