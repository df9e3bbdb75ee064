/**
 * Where a multiple-choice card's wrong options come from: things of the answer's own kind and
 * form (people for people, years for years, "about 7,700" for "about 77,000"), nearest first.
 */
import type { EventDate, Pack, TradeFigure } from '$shared/pack-schema'
import { dateSortKey, eventSortKey } from './cards/event-dates'
import { listText, ordinalSuffix } from './cards/english'
import { normalizeAnswer } from './grading-text'
import type { StudyCard } from './study-card'
import { formatCount, MONTH_NAMES as MONTHS } from './format'

/** A date written as the article writes one: "1 December 1890", "August 1924", "1806", "1910-1920". */
export function formatDate(d: EventDate): string {
  switch (d.precision) {
    case 'day':
      return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`
    case 'month':
      return `${MONTHS[d.month - 1]} ${d.year}`
    case 'year':
      return String(d.year)
    case 'range':
      return `${d.year}-${d.endYear}`
  }
}

/** The same date moved by some years (and for a day or month, by some months). */
function shifted(d: EventDate, years: number, months = 0): EventDate {
  const total =
    d.year * 12 +
    ((d.precision === 'day' || d.precision === 'month' ? d.month : 1) - 1) +
    years * 12 +
    months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  switch (d.precision) {
    case 'day':
      return { ...d, year, month }
    case 'month':
      return { ...d, year, month }
    case 'year':
      return { ...d, year: d.year + years }
    case 'range':
      return { ...d, year: d.year + years, endYear: d.endYear + years }
  }
}

/** Wrong dates of the same precision: the pack's other dates near it, and dates a little off. */
function dateOptions(date: EventDate, pack: Pack): string[] {
  const key = dateSortKey(date)
  const fromPack = pack.events.filter((e) => e.date.precision === date.precision).map((e) => e.date)
  const near = [1, -1, 2, -2, 3, -4, 5].map((y) => shifted(date, y))
  if (date.precision === 'day' || date.precision === 'month') {
    near.push(shifted(date, 0, 3), shifted(date, 0, -2), shifted(date, 0, 5))
  }
  return [...fromPack, ...near]
    .filter((d) => Math.abs(dateSortKey(d) - key) <= 20 * 10_000)
    .sort((a, b) => Math.abs(dateSortKey(a) - key) - Math.abs(dateSortKey(b) - key))
    .map(formatDate)
}

/** Wrong values for a figure, written like its display ("US$17.84 billion", "about 7,700", "5th"). */
export function figureDistractors(figure: TradeFigure): string[] {
  if (figure.unit === 'rank') {
    return [1, 2, 4, 5, 6].filter((n) => n !== figure.value).map(ordinalSuffix)
  }
  const format = (value: number) => {
    if (figure.unit === 'US$') {
      return value >= 1e9
        ? `US$${+(value / 1e9).toPrecision(4)} billion`
        : `US$${+(value / 1e6).toPrecision(4)} million`
    }
    return `about ${formatCount(value)}`
  }
  return [0.1, 10, 0.5, 3].map((f) => format(figure.value * f))
}

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth']

/** Wrong numbers written like the answer: "second" for "third", "7,700" for "77,000", "80" for "90". */
function numberOptions(card: StudyCard, pack: Pack): string[] {
  const figure = pack.trade.figures.find((f) => card.factIds?.includes(f.id))
  if (figure && card.answer === figure.display) return figureDistractors(figure)
  const value = card.value ?? 0
  if (ORDINAL_WORDS.includes(card.answer)) return ORDINAL_WORDS.filter((w) => w !== card.answer)
  const grouped = card.answer.includes(',')
  const write = (n: number) => (grouped ? formatCount(n) : String(n))
  const factors = grouped ? [0.1, 10, 0.5, 3] : []
  const steps = grouped ? [] : [-10, 10, -20, 20, 5, -5]
  return [
    ...factors.map((f) => write(Math.round(value * f))),
    ...steps.map((s) => write(value + s)).filter((t) => !t.startsWith('-'))
  ]
}

/**
 * Wrong versions of a list answer: one item swapped for another of its kind. (Never one item left
 * out: "Which four…?" would give the answer away.)
 */
function listVariants(card: StudyCard, substitutes: string[]): string[] {
  const items = (card.parts ?? []).map((alts) => alts[0]!)
  const inList = new Set(items.map(normalizeAnswer))
  const others = [...new Set(substitutes)].filter((s) => !inList.has(normalizeAnswer(s)))
  const out: string[] = []
  for (const other of others) {
    items.forEach((_, i) => out.push(listText(items.map((item, j) => (j === i ? other : item)))))
  }
  return out
}

/** The names of one kind: entities of a kind, equipment or products, and the pack's decoys. */
function namesOfKind(kind: StudyCard['answerKind'], pack: Pack): string[] {
  return [...namedByArticle(kind, pack), ...(pack.decoys?.[kind ?? ''] ?? [])]
}

/** The names of one kind the article gives. */
function namedByArticle(kind: StudyCard['answerKind'], pack: Pack): string[] {
  switch (kind) {
    case 'person':
    case 'place':
    case 'organisation':
    case 'company':
      return pack.entities.filter((e) => e.kind === kind).map((e) => e.name)
    case 'equipment':
      return pack.trade.equipment.map((q) => q.name)
    case 'product':
      return pack.trade.flows.flatMap((f) => f.products.map((p) => p.replace(/-/g, ' ')))
    default:
      return []
  }
}

/** The year a card is about, to put options of its own time first. */
function yearOf(card: StudyCard, pack: Pack): number | undefined {
  return card.date?.year ?? pack.events.find((e) => e.id === card.eventId)?.date.year
}

/** The first year an entity takes part in an event, for nearness. */
function entityYear(name: string, pack: Pack): number | undefined {
  const entity = pack.entities.find((e) => e.name === name)
  const years = pack.events
    .filter((e) => entity && e.entityIds.includes(entity.id))
    .map((e) => e.date.year)
  return years.length ? Math.min(...years) : undefined
}

/**
 * Candidate wrong options for a card, nearest first: the card's own wrong options where it has
 * them (hand-written cards), else things of its answer's kind and form.
 */
export function optionPool(card: StudyCard, cards: readonly StudyCard[], pack: Pack): string[] {
  if (card.wrong?.length) return [...card.wrong]
  if (card.parts && !card.ordered && card.parts.length > 1) {
    const same = cards
      .filter(
        (c) => c.kind === card.kind && c.id !== card.id && c.parts?.length === card.parts?.length
      )
      .map((c) => c.answer)
    return [...listVariants(card, namesOfKind(card.answerKind, pack)), ...same]
  }
  const year = yearOf(card, pack)
  const near = (y: number | undefined) =>
    year === undefined || y === undefined ? 9999 : Math.abs(y - year)
  switch (card.answerKind) {
    case 'date':
      return card.date ? dateOptions(card.date, pack) : []
    case 'number':
      return numberOptions(card, pack)
    case 'event':
      return [...pack.events]
        .sort(
          (a, b) =>
            Math.abs(eventSortKey(a) - (year ?? 0) * 10_000) -
            Math.abs(eventSortKey(b) - (year ?? 0) * 10_000)
        )
        .map((e) => e.title)
    default: {
      const names = namesOfKind(card.answerKind, pack)
        .filter((name) => name !== card.answer)
        .sort((a, b) => near(entityYear(a, pack)) - near(entityYear(b, pack)))
      // Names the question already gives make poor options, unless nothing else is left.
      const unnamed = names.filter((name) => !card.question.includes(name))
      return unnamed.length >= 3
        ? unnamed
        : [...unnamed, ...names.filter((n) => !unnamed.includes(n))]
    }
  }
}
