/**
 * Builds the quiz exercises from the cards: multiple-choice options with distractors of the same
 * kind, and sets of events to put in order. Deterministic for a seed, so tests and replays agree.
 */
import type { Pack, StudyEvent, TradeFigure } from '$shared/pack-schema'
import { eventSortKey } from './cards'
import type { StudyCard } from './study-card'
import type { ReviewMode } from '../db/database'
import type { Rating } from './scheduler'

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

const ORDINAL = (n: number) =>
  `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`

/** Wrong values for a figure, written like its display ("US$17.84 billion", "about 7,700", "5th"). */
export function figureDistractors(figure: TradeFigure): string[] {
  if (figure.unit === 'rank') {
    return [1, 2, 3, 4, 5, 6].filter((n) => n !== figure.value).map(ORDINAL)
  }
  const format = (value: number) => {
    if (figure.unit === 'US$') {
      return value >= 1e9
        ? `US$${+(value / 1e9).toPrecision(4)} billion`
        : `US$${+(value / 1e6).toPrecision(4)} million`
    }
    return `about ${Math.round(value).toLocaleString('en-US')}`
  }
  return [0.1, 10, 0.5, 3].map((f) => format(figure.value * f))
}

/** The pool a card's distractors come from: answers of other cards of the same kind. */
function pool(card: StudyCard, cards: StudyCard[], pack: Pack): string[] {
  const same = (kind: StudyCard['kind']) =>
    cards.filter((c) => c.kind === kind && c.id !== card.id).map((c) => c.answer)
  switch (card.kind) {
    case 'event-when':
    case 'event-what': {
      // Other events of the same era first, then the neighbouring ones.
      const others = cards.filter((c) => c.kind === card.kind && c.id !== card.id)
      const sameEra = others.filter((c) => c.era === card.era).map((c) => c.answer)
      return [...sameEra, ...others.map((c) => c.answer)]
    }
    case 'figure': {
      const figure = pack.trade.figures.find((f) => `figure:${f.id}` === card.id)
      return figure ? figureDistractors(figure) : []
    }
    case 'hand': {
      // A hand card whose answer is a named entity gets others of that kind.
      const entity = pack.entities.find(
        (e) => e.name === card.answer || e.aliases?.includes(card.answer)
      )
      if (entity) return pack.entities.filter((e) => e.kind === entity.kind).map((e) => e.name)
      return same('hand')
    }
    default:
      return same(card.kind)
  }
}

export interface ChoiceQuestion {
  options: string[]
  correctIndex: number
}

/**
 * Up to four options: the answer and distractors of the same kind (other years of the era for
 * "when", other people for "who"…), in an order fixed by the seed. Fewer when the pack has fewer.
 */
export function choiceOptions(
  card: StudyCard,
  cards: StudyCard[],
  pack: Pack,
  seed: number
): ChoiceQuestion {
  const random = seededRandom(seed ^ hashString(card.id))
  const seen = new Set([card.answer.toLowerCase()])
  const year = card.answer.match(/\d{4}/)?.[0]
  const distinct: string[] = []
  for (const option of pool(card, cards, pack)) {
    const key = option.toLowerCase()
    // For dates, a distractor of the same year would be right too.
    if (seen.has(key) || (year && option.includes(year))) continue
    seen.add(key)
    distinct.push(option)
  }
  // Prefer the nearest candidates (same era first) but vary which among them.
  const near = shuffle(distinct.slice(0, 6), random)
  const picked = [...near, ...shuffle(distinct.slice(6), random)].slice(0, 3)
  const options = shuffle([card.answer, ...picked], random)
  return { options, correctIndex: options.indexOf(card.answer) }
}

/** Picks `count` (4–6) events with distinct dates for an ordering exercise, shuffled out of order. */
export function orderingSet(events: StudyEvent[], count: number, seed: number): StudyEvent[] {
  const random = seededRandom(seed)
  const n = Math.max(2, Math.min(count, events.length))
  const byKey = new Map<number, StudyEvent>()
  for (const e of shuffle(events, random)) {
    if (!byKey.has(eventSortKey(e))) byKey.set(eventSortKey(e), e)
  }
  const chosen = [...byKey.values()].slice(0, n)
  let order = shuffle(chosen, random)
  // Never hand out a set that is already in order.
  const sorted = (list: StudyEvent[]) =>
    list.every((e, i) => i === 0 || eventSortKey(list[i - 1]!) <= eventSortKey(e))
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
