/**
 * Flashcards generated from the pack: one or more for every event, person, place, organisation,
 * trade figure and flow, company and item of equipment, plus the pack's hand-written cards.
 * Ids are built from pack ids only, so they stay stable across pack versions and progress survives.
 */
import type { Country, EditorialNote, Pack, StudyEvent, Theme } from '$shared/pack-schema'
import { findBlock } from '$shared/pack-integrity'
import type { StudyCard } from './study-card'

const COUNTRY: Record<Country, string> = { MX: 'Mexico', RU: 'Russia', other: 'another country' }
const ADJECTIVE: Record<Country, string> = { MX: 'Mexican', RU: 'Russian', other: 'foreign' }

/** The year an event starts in (for ordering and for "when" answers). */
export function eventYear(event: StudyEvent): number {
  return event.date.year
}

/** Sort key of an event date: year, then month, then day (unknown parts sort first). */
export function eventSortKey(event: StudyEvent): number {
  const d = event.date
  const month = d.precision === 'day' || d.precision === 'month' ? d.month : 0
  const day = d.precision === 'day' ? d.day : 0
  return d.year * 10_000 + month * 100 + day
}

/** The answer to "when": the source's own wording without a leading "In". */
function whenAnswer(event: StudyEvent): string {
  const text = event.dateText.replace(/^(in|on)\s+/i, '')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function paragraphCitations(pack: Pack, paragraphId: string): number[] {
  const found = findBlock(pack, paragraphId)
  return found && found.block.kind !== 'figure' ? found.block.citations : []
}

/** The era a year falls in (the latest era that contains it, so 1917 is "revolutions"). */
function eraOfYear(pack: Pack, year: number): string {
  const matching = pack.eras.filter(
    (e) => e.start <= year && (e.end === undefined || year <= e.end)
  )
  return (matching.at(-1) ?? pack.eras.at(-1)!).id
}

/**
 * Every card of the pack, in a stable order: events chronologically, then people and the rest.
 * New cards are introduced in this order.
 */
export function generateCards(pack: Pack): StudyCard[] {
  const cards: StudyCard[] = []
  const events = [...pack.events].sort((a, b) => eventSortKey(a) - eventSortKey(b))
  const entities = new Map(pack.entities.map((e) => [e.id, e]))
  const eventsOf = (entityId: string) => events.filter((e) => e.entityIds.includes(entityId))
  const sameDate = new Map<string, number>()
  for (const e of events) sameDate.set(e.dateText, (sameDate.get(e.dateText) ?? 0) + 1)

  for (const event of events) {
    const base = {
      era: event.era,
      themes: [...event.themes],
      paragraphId: event.paragraphId,
      eventId: event.id,
      entityIds: [...event.entityIds],
      citations: [...event.citations]
    }
    // Two events of the same date need a hint to tell them apart.
    const names = event.entityIds.map((id) => entities.get(id)?.name).filter(Boolean)
    const hint =
      (sameDate.get(event.dateText) ?? 0) > 1 && names.length > 0
        ? ` (involving ${names.slice(0, 2).join(' and ')})`
        : ''
    cards.push({
      ...base,
      id: `event-what:${event.id}`,
      kind: 'event-what',
      question: `What happened — ${whenAnswer(event)}${hint}?`,
      answer: event.title,
      accept: []
    })
    cards.push({
      ...base,
      id: `event-when:${event.id}`,
      kind: 'event-when',
      question: `When? ${event.title}`,
      answer: whenAnswer(event),
      accept: [String(eventYear(event))]
    })
  }

  for (const entity of pack.entities) {
    if (entity.kind === 'company') continue
    const linked = eventsOf(entity.id)
    const first = linked[0]
    const paragraphId = first?.paragraphId ?? entity.paragraphIds[0]!
    const era = first?.era ?? eraOfParagraph(pack, paragraphId)
    const themes: Theme[] = first ? [...new Set(linked.flatMap((e) => e.themes))] : ['diplomacy']
    const kind =
      entity.kind === 'person' ? 'person' : entity.kind === 'place' ? 'place' : 'organisation'
    // Two people with the same role (two emperors) are told apart by the event they belong to.
    const twin = pack.entities.some(
      (o) => o.id !== entity.id && o.kind === entity.kind && o.role === entity.role
    )
    const context = twin && first ? ` (${first.title}, ${whenAnswer(first).toLowerCase()})` : ''
    const question =
      kind === 'person'
        ? `Who was this? ${entity.role}${context}`
        : kind === 'place'
          ? `Which place? ${entity.role}`
          : `Which organisation? ${entity.role}`
    cards.push({
      id: `${kind}:${entity.id}`,
      kind,
      question,
      answer: entity.name,
      accept: [...(entity.aliases ?? [])],
      era,
      themes,
      paragraphId,
      eventId: first?.id,
      entityIds: [entity.id],
      citations: first ? [...first.citations] : paragraphCitations(pack, paragraphId)
    })
  }

  for (const figure of pack.trade.figures) {
    const theme: Theme = figure.unit === 'visitors' ? 'tourism' : 'trade-economy'
    const candidates = events.filter(
      (e) => e.paragraphId === figure.paragraphId && e.date.year === figure.year
    )
    const event = candidates.find((e) => e.themes.includes(theme)) ?? candidates[0]
    cards.push({
      id: `figure:${figure.id}`,
      kind: 'figure',
      question: `${figure.label}${figure.year ? ` in ${figure.year}` : ''}?`,
      answer: figure.display,
      accept: [],
      era: event?.era ?? eraOfYear(pack, figure.year ?? pack.eras.at(-1)!.start),
      themes: [theme],
      paragraphId: figure.paragraphId,
      eventId: event?.id,
      entityIds: [],
      citations: [...figure.citations]
    })
  }

  for (const flow of pack.trade.flows) {
    cards.push({
      id: `trade-flow:${flow.from.toLowerCase()}-${flow.to.toLowerCase()}`,
      kind: 'trade-flow',
      question: `What are the main exports from ${COUNTRY[flow.from]} to ${COUNTRY[flow.to]}?`,
      answer: listText(flow.products.map((p) => p.replace(/-/g, ' '))),
      accept: [],
      era: eraOfParagraph(pack, flow.paragraphId),
      themes: ['trade-economy'],
      paragraphId: flow.paragraphId,
      entityIds: [],
      citations: [...flow.citations]
    })
  }

  for (const company of pack.trade.companies) {
    cards.push({
      id: `company:${company.entityId}`,
      kind: 'company',
      question: `Where is ${company.name} from, and where does the article say it operates?`,
      answer: companyAnswer(company.home, company.operatesIn),
      accept: [COUNTRY[company.home], ADJECTIVE[company.home]],
      era: eraOfParagraph(pack, company.paragraphId),
      themes: ['trade-economy'],
      paragraphId: company.paragraphId,
      entityIds: [company.entityId],
      citations: [...company.citations]
    })
  }

  for (const item of pack.trade.equipment) {
    const receivedBy = pack.entities.find((e) => e.name === item.receivedBy)
    cards.push({
      id: `equipment:${item.id}`,
      kind: 'equipment',
      question: `What kind of equipment is the ${item.name}, received by the ${item.receivedBy}?`,
      answer: item.description,
      accept: [],
      era: eraOfParagraph(pack, item.paragraphId),
      themes: ['military'],
      paragraphId: item.paragraphId,
      entityIds: receivedBy ? [receivedBy.id] : [],
      citations: paragraphCitations(pack, item.paragraphId)
    })
  }

  for (const hand of pack.cards) {
    const event = hand.eventId ? events.find((e) => e.id === hand.eventId) : undefined
    cards.push({
      id: `hand:${hand.id}`,
      kind: 'hand',
      question: hand.question,
      answer: hand.answer,
      accept: [...(hand.accept ?? [])],
      era: hand.era,
      themes: [...hand.themes],
      paragraphId: hand.paragraphId,
      eventId: hand.eventId,
      entityIds: event ? [...event.entityIds] : [],
      citations: event ? [...event.citations] : paragraphCitations(pack, hand.paragraphId)
    })
  }
  return cards
}

/** "Mexico; operates in Russia". */
export function companyAnswer(home: Country, operatesIn: Country): string {
  return `${ADJECTIVE[home]} company, operating in ${COUNTRY[operatesIn]}`
}

function listText(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** The era of a paragraph: that of its first event, else the last era (the article's present). */
function eraOfParagraph(pack: Pack, paragraphId: string): string {
  return pack.events.find((e) => e.paragraphId === paragraphId)?.era ?? pack.eras.at(-1)!.id
}

/** The pack ids a card is about (its event, entities, figure or equipment), for its notes. */
export function cardFactIds(card: StudyCard): string[] {
  const own = card.id.slice(card.id.indexOf(':') + 1)
  const ids = new Set<string>(card.entityIds)
  if (card.eventId) ids.add(card.eventId)
  if (card.kind !== 'hand' && card.kind !== 'trade-flow') ids.add(own)
  return [...ids]
}

/** The editorial notes to show with a card once it is answered. */
export function notesForCard(pack: Pack, card: StudyCard): EditorialNote[] {
  const ids = new Set(cardFactIds(card))
  if (card.kind === 'equipment' || card.kind === 'trade-flow' || card.kind === 'figure') {
    ids.add(card.paragraphId)
  }
  const facts = cardFactIds(card)
  return pack.notes.filter(
    (n) =>
      n.attachedTo.some((id) => facts.includes(id)) ||
      // Paragraph-wide notes only where the card is the paragraph's own fact (no event of its own).
      (!card.eventId && n.attachedTo.some((id) => ids.has(id)))
  )
}

/** The reader link of a card's source paragraph. */
export function readerHref(card: StudyCard): string {
  return `#/reader/${encodeURIComponent(card.paragraphId)}`
}

/** The timeline link of a card's event, when it has one. */
export function timelineHref(card: StudyCard): string | undefined {
  return card.eventId ? `#/timeline/${encodeURIComponent(card.eventId)}` : undefined
}
