/**
 * The military equipment, asked only as the source states it: which items each receiver got (one
 * card for the list), and which item it describes as what where the source describes one (the
 * Igla's "anti-aircraft missiles"). The pack's other descriptions are the editors' words.
 */
import type { Theme } from '$shared/pack-schema'
import { cardIds } from '../card-ids'
import {
  type CardContext,
  type Draft,
  blockText,
  eraOfParagraph,
  paragraphCitations,
  spellings
} from './context'
import { listText, numberWord } from './english'

/** The list card of each receiver, and a card for each item the source describes. */
export function equipmentCards({ pack }: CardContext): Draft[] {
  const cards: Draft[] = []
  const receivers = [...new Set(pack.trade.equipment.map((q) => q.receivedBy))]
  for (const receiver of receivers) {
    const items = pack.trade.equipment.filter((q) => q.receivedBy === receiver)
    const entity = pack.entities.find((e) => e.name === receiver)
    const paragraphId = items[0]!.paragraphId
    const base = {
      kind: 'equipment' as const,
      answerKind: 'equipment' as const,
      accept: [],
      era: eraOfParagraph(pack, paragraphId),
      themes: ['military' as Theme],
      paragraphId,
      entityIds: entity ? [entity.id] : [],
      citations: paragraphCitations(pack, paragraphId)
    }
    cards.push({
      ...base,
      id: cardIds.equipmentReceived(entity?.id ?? items[0]!.id),
      question: `Which ${numberWord(items.length)} items of military equipment has the ${receiver} received, according to the article?`,
      answer: listText(items.map((q) => q.name)),
      parts: items.map((q) => spellings(q.name)),
      factIds: items.map((q) => q.id)
    })
    const text = blockText(pack, paragraphId).toLowerCase()
    for (const item of items) {
      if (!text.includes(item.description.toLowerCase())) continue
      cards.push({
        ...base,
        id: cardIds.equipment(item.id),
        question: `Which equipment received by the ${receiver} does the article describe as ${item.description.toLowerCase()}?`,
        answer: item.name,
        accept: spellings(item.name).slice(1),
        factIds: [item.id]
      })
    }
  }
  return cards
}
