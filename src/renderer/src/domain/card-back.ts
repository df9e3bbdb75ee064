/**
 * What the back of a card holds besides its answer: a line of detail (the event's summary, the
 * figure's quote, the equipment's status), the section its paragraph is in, and the editorial
 * notes. The app's card back and the Anki export show the same.
 */
import { cardIds } from './card-ids'
import type { EditorialNote, Pack } from '$shared/pack-schema'
import { findBlock } from '$shared/pack-integrity'
import { notesForCard } from './cards'
import type { StudyCard } from './study-card'

export interface CardBackContent {
  answer: string
  detail: string | undefined
  /** The title of the section the card's paragraph is in. */
  section: string | undefined
  notes: EditorialNote[]
}

/** The back of a card, from the pack. */
export function cardBack(pack: Pack, card: StudyCard): CardBackContent {
  return {
    answer: card.answer,
    detail: cardDetail(pack, card),
    section: findBlock(pack, card.paragraphId)?.section.title,
    notes: notesForCard(pack, card)
  }
}

function cardDetail(pack: Pack, card: StudyCard): string | undefined {
  if (card.kind === 'event-what' || card.kind === 'event-when') {
    return pack.events.find((e) => e.id === card.eventId)?.summary
  }
  if (card.kind === 'figure') {
    return pack.trade.figures.find((f) => cardIds.figure(f.id) === card.id)?.quote
  }
  if (card.kind === 'equipment') {
    const item = pack.trade.equipment.find((q) => card.factIds?.includes(q.id))
    return item ? `${item.status}.` : undefined
  }
  return undefined
}
