/**
 * Flashcards generated from the pack: one or more for every event, person, place, organisation,
 * trade figure and flow, company and item of equipment, plus the pack's hand-written cards.
 * Ids are built from pack ids only, so they stay stable across pack versions and progress survives.
 */
import {
  THEME_LABELS,
  type Country,
  type EditorialNote,
  type Entity,
  type Pack,
  type StudyEvent,
  type Theme
} from '$shared/pack-schema'
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

/**
 * An event's date as shown: the source's own wording without its leading "in"/"on" ("in November
 * 1942" → "November 1942", "In 1806" → "1806"). Also the answer to "when".
 */
export function eventDateLabel(event: StudyEvent): string {
  const text = event.dateText.replace(/^(in|on)\s+/i, '')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const whenAnswer = eventDateLabel

/** The span of years an event covers (one year unless it is a range). */
function yearSpan(event: StudyEvent): [number, number] {
  return [event.date.year, event.date.precision === 'range' ? event.date.endYear : event.date.year]
}

/**
 * True when two events could have happened at the same time, so that "what happened then?" fits
 * both: their years overlap, and where both give a month (or a day) it is the same one.
 */
export function datesOverlap(a: StudyEvent, b: StudyEvent): boolean {
  const [a0, a1] = yearSpan(a)
  const [b0, b1] = yearSpan(b)
  if (a1 < b0 || b1 < a0) return false
  if (a.date.precision === 'range' || b.date.precision === 'range') return true
  if (a.date.year !== b.date.year) return false
  const month = (e: StudyEvent) =>
    e.date.precision === 'day' || e.date.precision === 'month' ? e.date.month : 0
  const day = (e: StudyEvent) => (e.date.precision === 'day' ? e.date.day : 0)
  if (month(a) && month(b) && month(a) !== month(b)) return false
  return !(day(a) && day(b) && day(a) !== day(b))
}

/** True when any word of a name (of four letters or more) appears in a text. */
function mentions(text: string, name: string): boolean {
  const lower = text.toLowerCase()
  return name
    .toLowerCase()
    .split(/[\s-]+/)
    .some((word) => word.length >= 4 && lower.includes(word))
}

/**
 * What tells an event apart from others of a date that could be the same ("What happened — 2014?"
 * fits three events), without giving the answer away: people of its own, by name where the title
 * does not name them ("involving Alexander I"), else by role ("involving a Russian explorer" for
 * "Rezanov arrives in California"); else a theme of its own. Empty when nothing tells it apart.
 */
function eventHint(
  event: StudyEvent,
  rivals: StudyEvent[],
  entities: ReadonlyMap<string, Entity>
): string {
  if (rivals.length === 0) return ''
  const people = event.entityIds
    .map((id) => entities.get(id))
    .filter((e): e is Entity => e?.kind === 'person')
    .filter((p) => rivals.every((r) => !r.entityIds.includes(p.id)))
  const unnamed = people.filter((p) => !mentions(event.title, p.name))
  if (unnamed.length > 0) {
    return ` (involving ${unnamed
      .slice(0, 2)
      .map((p) => p.name)
      .join(' and ')})`
  }
  const theme = event.themes.find((t) => rivals.every((r) => !r.themes.includes(t)))
  if (theme) return ` (theme: ${THEME_LABELS[theme]})`
  const role = people[0]?.role
  if (role && !mentions(event.title, role)) {
    return ` (involving ${/^[AEIOU]/i.test(role) ? 'an' : 'a'} ${role})`
  }
  return ''
}

const NUMBER_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']
const ORDINAL_WORDS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh']
const numberWord = (n: number) => NUMBER_WORDS[n] ?? String(n)

/** The spellings a named item may be typed in: "Mi-17/Mi-8" also as "Mi-17" or "Mi-8". */
function spellings(name: string, aliases: readonly string[] = []): string[] {
  const all = [name, ...aliases]
  if (name.includes('/')) all.push(...name.split('/'))
  const words = name.split(/\s+/)
  // "9K38 Igla" is also just "Igla".
  if (words.length > 1 && /^[A-Z][a-z]+$/.test(words.at(-1)!) && /\d/.test(words[0]!)) {
    all.push(words.at(-1)!)
  }
  return [...new Set(all)]
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
  const cards: Draft[] = []
  const events = [...pack.events].sort((a, b) => eventSortKey(a) - eventSortKey(b))
  const entities = new Map(pack.entities.map((e) => [e.id, e]))
  const eventsOf = (entityId: string) => events.filter((e) => e.entityIds.includes(entityId))

  for (const event of events) {
    const base = {
      era: event.era,
      themes: [...event.themes],
      paragraphId: event.paragraphId,
      eventId: event.id,
      entityIds: [...event.entityIds],
      citations: [...event.citations]
    }
    // Events of a date that could be the same need a hint to tell them apart (ranges such as
    // "1910-1920" are not asked about as one moment, so they need none).
    const rivals =
      event.date.precision === 'range'
        ? []
        : events.filter(
            (o) => o.id !== event.id && o.date.precision !== 'range' && datesOverlap(event, o)
          )
    const hint = eventHint(event, rivals, entities)
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

  // Organisations whose roles differ only in their first word ("Organisation of which both
  // nations are members", "Group of which…") are one question with several answers: one card.
  const groupKey = (e: Entity) =>
    e.kind === 'organisation' ? e.role.toLowerCase().replace(/^\S+\s+/, '') : e.id
  const groups = new Map<string, Entity[]>()
  for (const entity of pack.entities) {
    if (entity.kind === 'company') continue
    groups.set(groupKey(entity), [...(groups.get(groupKey(entity)) ?? []), entity])
  }

  for (const group of groups.values()) {
    if (group.length > 1) {
      cards.push(organisationGroupCard(pack, group))
      continue
    }
    const entity = group[0]!
    // The event the card belongs to: the first one the entity takes part in, if it comes from the
    // paragraph that states the entity's role (APEC's role is in the introduction, not the photo).
    const first = eventsOf(entity.id).find((e) => e.paragraphId === entity.paragraphIds[0])
    const linked = first ? eventsOf(entity.id) : []
    const paragraphId = first?.paragraphId ?? entity.paragraphIds[0]!
    const era = first?.era ?? eraOfParagraph(pack, paragraphId)
    const themes: Theme[] = first ? [...new Set(linked.flatMap((e) => e.themes))] : ['diplomacy']
    const kind =
      entity.kind === 'person' ? 'person' : entity.kind === 'place' ? 'place' : 'organisation'
    // Two people with the same role (two emperors) are told apart by the event they belong to.
    const twin = pack.entities.some(
      (o) => o.id !== entity.id && o.kind === entity.kind && o.role === entity.role
    )
    const context = twin && first ? ` (${first.title}, ${whenAnswer(first)})` : ''
    // A role that another entity's role begins with fits both ("Territory Russia planned to
    // colonise from 1806" is Alaska and California): name the other as not meant.
    const wider = pack.entities.filter(
      (o) => o.id !== entity.id && o.kind === entity.kind && o.role.startsWith(entity.role)
    )
    const other = wider.length ? `, other than ${listText(wider.map((o) => o.name))}` : ''
    const question =
      kind === 'person'
        ? `Who was this? ${entity.role}${context}`
        : kind === 'place'
          ? `Which place? ${entity.role}${other}`
          : `Which organisation? ${entity.role}${other}`
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
      factIds: [figure.id],
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
      parts: flow.products.map((p) => [p.replace(/-/g, ' ')]),
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
      accept: [],
      // Both halves are needed, in this order: "Russia" alone does not answer it.
      parts: [countryNames(company.home), countryNames(company.operatesIn)],
      ordered: true,
      era: eraOfParagraph(pack, company.paragraphId),
      themes: ['trade-economy'],
      paragraphId: company.paragraphId,
      entityIds: [company.entityId],
      citations: [...company.citations]
    })
  }

  cards.push(...equipmentCards(pack))

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
  return distinctQuestions(cards.map(withNote), pack)
}

/** A card before its note id is known. */
type Draft = Omit<StudyCard, 'noteId'>

/** An event's "what" and "when" share the event's note; every other card is a note of its own. */
function withNote(card: Draft): StudyCard {
  return { ...card, noteId: card.id.replace(/^event-(what|when):/, 'event:') }
}

/**
 * Makes every question unique: cards that still ask the same thing (two events with one title,
 * "Russia launches a Mexican satellite" in 2001 and 2013) are numbered in date order.
 */
function distinctQuestions(cards: StudyCard[], pack: Pack): StudyCard[] {
  const byQuestion = new Map<string, StudyCard[]>()
  for (const card of cards) {
    byQuestion.set(card.question, [...(byQuestion.get(card.question) ?? []), card])
  }
  const events = new Map(pack.events.map((e) => [e.id, e]))
  const key = (c: StudyCard) => {
    const event = c.eventId ? events.get(c.eventId) : undefined
    return event ? eventSortKey(event) : 0
  }
  const renamed = new Map<string, string>()
  for (const [question, same] of byQuestion) {
    if (same.length < 2) continue
    const sorted = [...same].sort((a, b) => key(a) - key(b))
    sorted.forEach((card, i) => {
      const nth = `the ${ORDINAL_WORDS[i + 1] ?? `no. ${i + 1}`} of ${numberWord(same.length)}`
      renamed.set(
        card.id,
        question.endsWith('?') ? `${question.slice(0, -1)} (${nth})?` : `${question} (${nth})`
      )
    })
  }
  return cards.map((c) => (renamed.has(c.id) ? { ...c, question: renamed.get(c.id)! } : c))
}

/** One card for organisations that share a role: "Which three organisations are both nations members of?" */
function organisationGroupCard(pack: Pack, group: Entity[]): Draft {
  const paragraphId = group[0]!.paragraphIds[0]!
  const tail = group[0]!.role.replace(/^\S+\s+/, '')
  const members = tail.match(/^of which (.+) are members$/i)
  const n = numberWord(group.length)
  return {
    id: `organisation:${group.map((e) => e.id).join('+')}`,
    kind: 'organisation',
    question: members
      ? `Which ${n} organisations are ${members[1]} members of?`
      : `Which ${n} organisations? Each ${tail}`,
    answer: listText(group.map((e) => e.name)),
    accept: [],
    parts: group.map((e) => spellings(e.name, e.aliases)),
    era: eraOfParagraph(pack, paragraphId),
    themes: ['diplomacy'],
    paragraphId,
    entityIds: group.map((e) => e.id),
    citations: paragraphCitations(pack, paragraphId)
  }
}

/**
 * The military equipment, asked only as the source states it: which items each receiver got (one
 * card for the list), and which item it describes as what where the source describes one (the
 * Igla's "anti-aircraft missiles"). The pack's other descriptions are the editors' words.
 */
function equipmentCards(pack: Pack): Draft[] {
  const cards: Draft[] = []
  const receivers = [...new Set(pack.trade.equipment.map((q) => q.receivedBy))]
  for (const receiver of receivers) {
    const items = pack.trade.equipment.filter((q) => q.receivedBy === receiver)
    const entity = pack.entities.find((e) => e.name === receiver)
    const paragraphId = items[0]!.paragraphId
    const base = {
      kind: 'equipment' as const,
      accept: [],
      era: eraOfParagraph(pack, paragraphId),
      themes: ['military' as Theme],
      paragraphId,
      entityIds: entity ? [entity.id] : [],
      citations: paragraphCitations(pack, paragraphId)
    }
    cards.push({
      ...base,
      id: `equipment:${entity?.id ?? items[0]!.id}-received`,
      question: `Which ${numberWord(items.length)} items of military equipment has the ${receiver} received, according to the article?`,
      answer: listText(items.map((q) => q.name)),
      parts: items.map((q) => spellings(q.name)),
      factIds: items.map((q) => q.id)
    })
    const text = paragraphText(pack, paragraphId).toLowerCase()
    for (const item of items) {
      if (!text.includes(item.description.toLowerCase())) continue
      cards.push({
        ...base,
        id: `equipment:${item.id}`,
        question: `Which equipment received by the ${receiver} does the article describe as ${item.description.toLowerCase()}?`,
        answer: item.name,
        accept: spellings(item.name).slice(1),
        factIds: [item.id]
      })
    }
  }
  return cards
}

function paragraphText(pack: Pack, paragraphId: string): string {
  const found = findBlock(pack, paragraphId)
  return found && found.block.kind === 'paragraph' ? found.block.text : ''
}

/** A country as a typed answer may name it. */
function countryNames(country: Country): string[] {
  return [COUNTRY[country], ADJECTIVE[country]]
}

/** "Mexico; operates in Russia". */
export function companyAnswer(home: Country, operatesIn: Country): string {
  return `${ADJECTIVE[home]} company, operating in ${COUNTRY[operatesIn]}`
}

/** "a, b and c". */
export function listText(items: string[]): string {
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
  const ids = new Set<string>([...card.entityIds, ...(card.factIds ?? [])])
  if (card.eventId) ids.add(card.eventId)
  return [...ids]
}

/**
 * The editorial notes to show with a card once it is answered: those attached to the card's own
 * facts, and, on a card that stands for its paragraph (no event of its own), those about the whole
 * paragraph. A note attached to a paragraph and to facts in it concerns those facts only: the
 * "$1,784 billion" note is the trade total's, not the trade rank's or the exports'.
 */
export function notesForCard(pack: Pack, card: StudyCard): EditorialNote[] {
  const own = new Set(cardFactIds(card))
  const facts = allFactIds(pack)
  return pack.notes.filter(
    (n) =>
      n.attachedTo.some((id) => own.has(id)) ||
      (!card.eventId &&
        n.attachedTo.includes(card.paragraphId) &&
        n.attachedTo.every((id) => !facts.has(id)))
  )
}

const factIdCache = new WeakMap<Pack, Set<string>>()
/** Every id of a fact in the pack (events, entities, figures, equipment), as opposed to blocks. */
function allFactIds(pack: Pack): Set<string> {
  let ids = factIdCache.get(pack)
  if (!ids) {
    ids = new Set([
      ...pack.events.map((e) => e.id),
      ...pack.entities.map((e) => e.id),
      ...pack.trade.figures.map((f) => f.id),
      ...pack.trade.equipment.map((q) => q.id)
    ])
    factIdCache.set(pack, ids)
  }
  return ids
}

/** The reader link of a card's source paragraph. */
export function readerHref(card: StudyCard): string {
  return `#/reader/${encodeURIComponent(card.paragraphId)}`
}

/** The timeline link of a card's event, when it has one. */
export function timelineHref(card: StudyCard): string | undefined {
  return card.eventId ? `#/timeline/${encodeURIComponent(card.eventId)}` : undefined
}
