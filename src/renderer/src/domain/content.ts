/**
 * Everything the app derives from a validated pack, built once when the pack loads: its cards,
 * their ids in introduction order, and lookups by id. Pages read it from context and never
 * derive it again.
 */
import type { Entity, Pack, StudyEvent } from '$shared/pack-schema'
import { generateCards } from './cards'
import type { StudyCard } from './study-card'

export interface StudyContent {
  pack: Pack
  cards: readonly StudyCard[]
  /** Card ids in the order new cards are introduced. */
  cardIds: readonly string[]
  cardById: ReadonlyMap<string, StudyCard>
  eventById: ReadonlyMap<string, StudyEvent>
  entityById: ReadonlyMap<string, Entity>
}

/** Builds the content model of a pack (the only caller of `generateCards` in the app). */
export function buildStudyContent(pack: Pack): StudyContent {
  const cards = generateCards(pack)
  return {
    pack,
    cards,
    cardIds: cards.map((card) => card.id),
    cardById: new Map(cards.map((card) => [card.id, card])),
    eventById: new Map(pack.events.map((event) => [event.id, event])),
    entityById: new Map(pack.entities.map((entity) => [entity.id, entity]))
  }
}
