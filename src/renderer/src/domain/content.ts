/**
 * Everything the app derives from a validated pack, built once when the pack loads: its cards,
 * their ids in introduction order, and lookups by id. Pages read it from context and never
 * derive it again. The cards are generated on first use, so the article can be drawn before them.
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
  let cards: readonly StudyCard[] | undefined
  let cardIds: readonly string[] | undefined
  let cardById: ReadonlyMap<string, StudyCard> | undefined
  return {
    pack,
    get cards() {
      return (cards ??= generateCards(pack))
    },
    get cardIds() {
      return (cardIds ??= Object.freeze(this.cards.map((card) => card.id)))
    },
    get cardById() {
      return (cardById ??= new Map(this.cards.map((card) => [card.id, card])))
    },
    eventById: new Map(pack.events.map((event) => [event.id, event])),
    entityById: new Map(pack.entities.map((entity) => [entity.id, entity]))
  }
}
