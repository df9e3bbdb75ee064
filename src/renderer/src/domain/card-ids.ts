/**
 * The one place card ids and note ids are made. Ids are built from pack ids only, so they stay
 * stable across pack versions and progress survives; nothing else spells them out by hand.
 */
import type { Country } from '$shared/pack-schema'

/** The kinds of entity that have cards of their own. */
type EntityCardKind = 'person' | 'place' | 'organisation' | 'company'

/** Card ids, one builder per kind of card. */
export const cardIds = {
  eventWhat: (eventId: string) => `event-what:${eventId}`,
  eventWhen: (eventId: string) => `event-when:${eventId}`,
  entity: (kind: EntityCardKind, entityId: string) => `${kind}:${entityId}`,
  /** A card for several entities asked together ("organisation:apec+g-20+united-nations"). */
  group: (kind: EntityCardKind, entityIds: readonly string[]) => `${kind}:${entityIds.join('+')}`,
  figure: (figureId: string) => `figure:${figureId}`,
  tradeFlow: (from: Country, to: Country) => `trade-flow:${from.toLowerCase()}-${to.toLowerCase()}`,
  equipmentReceived: (receiverId: string) => `equipment:${receiverId}-received`,
  equipment: (itemId: string) => `equipment:${itemId}`,
  hand: (handId: string) => `hand:${handId}`,
  /** A gap in a sentence of a paragraph: the sentence's number and the blanked term. */
  cloze: (paragraphId: string, sentence: number, term: string) =>
    `cloze:${paragraphId}:${sentence}:${slug(term)}`
} as const

/** Note ids: cards that share one are siblings (Anki's notes), kept apart in a session. */
export const noteIds = {
  event: (eventId: string) => `event:${eventId}`,
  paragraph: (paragraphId: string) => `paragraph:${paragraphId}`
} as const

/** A term as an id part: lower-case letters and digits joined by dashes ("1 December 1890" → "1-december-1890"). */
function slug(term: string): string {
  return term
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}
