/** The pack's hand-written cards, for facts generated cards would phrase badly. */
import { cardIds } from '../card-ids'
import { type CardContext, type Draft, paragraphCitations } from './context'

/** Each hand-written card as it is written, with its answer kind and wrong options. */
export function handCards({ pack, eventById }: CardContext): Draft[] {
  return pack.cards.map((hand) => {
    const event = hand.eventId ? eventById.get(hand.eventId) : undefined
    return {
      id: cardIds.hand(hand.id),
      kind: 'hand',
      question: hand.question,
      answer: hand.answer,
      answerKind: hand.answerKind ?? 'description',
      accept: [...(hand.accept ?? [])],
      keyTerms: hand.keyTerms?.map((t) => [...t]),
      wrong: hand.wrong ? [...hand.wrong] : undefined,
      era: hand.era,
      themes: [...hand.themes],
      paragraphId: hand.paragraphId,
      eventId: hand.eventId,
      entityIds: event ? [...event.entityIds] : [],
      citations: event ? [...event.citations] : paragraphCitations(pack, hand.paragraphId)
    }
  })
}
