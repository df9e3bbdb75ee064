/**
 * Builds the quiz exercises from the cards: multiple-choice options with distractors of the same
 * kind, and sets of events to put in order. Deterministic for a seed, so tests and replays agree.
 */
import type { Pack, StudyEvent, TradeFigure } from '$shared/pack-schema'
import { datesOverlap, eventDateLabel, eventSortKey, listText } from './cards'
import { gradeTyped, normalizeAnswer } from './grading'
import type { StudyCard } from './study-card'
import type { ReviewMode } from './card-state'
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

/**
 * Wrong versions of a list answer: one item swapped for another of its kind, or, with nothing to
 * swap in, one item left out ("Which four…?" answered with three).
 */
function listVariants(card: StudyCard, substitutes: string[]): string[] {
  const items = (card.parts ?? []).map((alts) => alts[0]!)
  const inList = new Set(items.map(normalizeAnswer))
  const others = [...new Set(substitutes)].filter((s) => !inList.has(normalizeAnswer(s)))
  const out: string[] = []
  for (const other of others) {
    items.forEach((_, i) => out.push(listText(items.map((item, j) => (j === i ? other : item)))))
  }
  if (out.length === 0 && items.length > 2) {
    items.forEach((_, i) => out.push(listText(items.filter((__, j) => j !== i))))
  }
  return out
}

/** The pool a card's distractors come from: answers of other cards of the same kind. */
function pool(card: StudyCard, cards: readonly StudyCard[], pack: Pack): string[] {
  const isList = (c: StudyCard) => !!c.parts && !c.ordered && c.parts.length > 1
  // A single answer gets single answers, a list gets lists.
  const same = (kind: StudyCard['kind']) =>
    cards
      .filter((c) => c.kind === kind && c.id !== card.id && isList(c) === isList(card))
      .map((c) => c.answer)
  if (isList(card)) {
    const substitutes =
      card.kind === 'organisation'
        ? pack.entities.filter((e) => e.kind === 'organisation').map((e) => e.name)
        : card.kind === 'trade-flow'
          ? pack.trade.flows.flatMap((f) => f.products.map((p) => p.replace(/-/g, ' ')))
          : card.kind === 'equipment'
            ? pack.trade.equipment.map((q) => q.name)
            : []
    return [...listVariants(card, substitutes), ...same(card.kind)]
  }
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
    case 'organisation':
      return pack.entities.filter((e) => e.kind === 'organisation').map((e) => e.name)
    case 'equipment':
      // The other items the same receiver got (the article describes none of them as this one).
      return pack.trade.equipment.map((q) => q.name)
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

/**
 * Answers that would be right for this card too, normalized: its own accepted answers, those of
 * any card asking the same question, and for events, what else happened (or when else) at a time
 * that could be the same ("1910-1920" for "What happened — 1917?").
 */
function alsoRight(card: StudyCard, cards: readonly StudyCard[], pack: Pack): Set<string> {
  const question = normalizeAnswer(card.question)
  const right = new Set<string>()
  for (const c of cards) {
    if (c.id !== card.id && normalizeAnswer(c.question) !== question) continue
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

export interface ChoiceQuestion {
  options: string[]
  correctIndex: number
}

/**
 * Up to four options: the answer and distractors of the same kind (other years of the era for
 * "when", other people for "who"…), in an order fixed by the seed. Fewer when the pack has fewer.
 * No distractor is also right (see `alsoRight`).
 */
export function choiceOptions(
  card: StudyCard,
  cards: readonly StudyCard[],
  pack: Pack,
  seed: number
): ChoiceQuestion {
  const random = seededRandom(seed ^ hashString(card.id))
  const right = alsoRight(card, cards, pack)
  const seen = new Set([normalizeAnswer(card.answer)])
  const year = card.kind === 'event-when' ? card.answer.match(/\d{4}/)?.[0] : undefined
  const distinct: string[] = []
  for (const option of pool(card, cards, pack)) {
    const key = normalizeAnswer(option)
    // Never a second right answer: the same (or nearly), one right for the same question, or for
    // a date, another of the same year.
    if (seen.has(key) || right.has(key) || (year && option.includes(year))) continue
    if (gradeTyped(option, card).correct) continue
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
