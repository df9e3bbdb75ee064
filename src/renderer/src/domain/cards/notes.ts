/** What a card links to once answered: the editorial notes on its facts, the reader, the timeline. */
import type { EditorialNote, Pack } from '$shared/pack-schema'
import { foldText } from '../text-fold'
import type { StudyCard } from '../study-card'
import { GAP, withoutMarks } from './cloze-text'

/** The pack ids a card is about (its event, entities, figure or equipment), for its notes. */
export function cardFactIds(card: StudyCard): string[] {
  const ids = new Set<string>([...card.entityIds, ...(card.factIds ?? [])])
  if (card.eventId) ids.add(card.eventId)
  return [...ids]
}

/** True when a note corrects words of the sentence a cloze card is made from. */
function correctsSentence(note: EditorialNote, card: StudyCard): boolean {
  if (card.kind !== 'cloze' || !note.sourceSays) return false
  const sentence = foldText(card.question.replace(GAP, card.answer).replace(/…$/, ''))
  const said = foldText(withoutMarks(note.sourceSays))
  return sentence.includes(said) || said.includes(sentence)
}

/**
 * The editorial notes to show with a card once it is answered: those attached to the card's own
 * facts, those that correct the sentence of a cloze card, and, on a card that stands for its
 * paragraph (no event of its own), those about the whole paragraph. A note attached to a paragraph
 * and to facts in it concerns those facts only: the "$1,784 billion" note is the trade total's,
 * not the trade rank's or the exports'.
 */
export function notesForCard(pack: Pack, card: StudyCard): EditorialNote[] {
  const own = new Set(cardFactIds(card))
  const facts = allFactIds(pack)
  return pack.notes.filter(
    (n) =>
      n.attachedTo.some((id) => own.has(id)) ||
      correctsSentence(n, card) ||
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
