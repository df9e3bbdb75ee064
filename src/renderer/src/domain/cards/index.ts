/**
 * Flashcards generated from the pack: one generator per kind of card (events, entities, trade,
 * equipment, hand-written, fill-the-gap), run here in the order new cards are introduced.
 * `generateCards` is the single entry; the content model (`domain/content.ts`) calls it once.
 */
import type { Pack, Theme } from '$shared/pack-schema'
import type { StudyCard } from '../study-card'
import { clozeCards } from './cloze-cards'
import { cardContext, type Draft } from './context'
import { ordinalWord, numberWord } from './english'
import { entityCards } from './entity-cards'
import { equipmentCards } from './equipment-cards'
import { eventCards } from './event-cards'
import { eventSortKey } from './event-dates'
import { handCards } from './hand-cards'
import { figureCards, flowCards } from './trade-cards'

export { datesOverlap, eventDateLabel, eventSortKey, settledOrder } from './event-dates'
export { listText } from './english'
export { cardFactIds, notesForCard, readerHref, timelineHref } from './notes'

/**
 * Every card of the pack, in a stable order: events chronologically, then people and the rest,
 * the fill-the-gap cards last. New cards are introduced in this order.
 */
export function generateCards(pack: Pack): StudyCard[] {
  const context = cardContext(pack)
  const events = eventCards(context)
  const facts = [
    ...figureCards(context),
    ...flowCards(context),
    ...equipmentCards(context),
    ...handCards(context)
  ]
  // The themes of each paragraph's facts, for the cards that belong to no event.
  // (Written to allocate little: a pack may carry 100,000 hand cards, most in a few paragraphs.)
  const themes = new Map<string, Theme[]>()
  for (const card of [...events, ...facts]) {
    const known = themes.get(card.paragraphId)
    if (!known) themes.set(card.paragraphId, [...new Set(card.themes)])
    else for (const theme of card.themes) if (!known.includes(theme)) known.push(theme)
  }
  const drafts: Draft[] = [...events, ...entityCards(context, themes), ...facts]
  drafts.push(...clozeCards(context, themes))
  // Each draft is the generator's own new object: it takes its note id in place.
  for (const draft of drafts) draft.noteId ??= draft.id
  return distinctQuestions(drafts as StudyCard[], pack)
}

/**
 * Makes every question unique: cards that still ask the same thing (two events with one title,
 * "Russia launches a Mexican satellite" in 2001 and 2013) are numbered in date order.
 */
function distinctQuestions(cards: StudyCard[], pack: Pack): StudyCard[] {
  const byQuestion = new Map<string, StudyCard[]>()
  for (const card of cards) {
    const same = byQuestion.get(card.question)
    if (same) same.push(card)
    else byQuestion.set(card.question, [card])
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
      const nth = `the ${ordinalWord(i + 1)} of ${numberWord(same.length)}`
      renamed.set(
        card.id,
        question.endsWith('?') ? `${question.slice(0, -1)} (${nth})?` : `${question} (${nth})`
      )
    })
  }
  if (renamed.size === 0) return cards
  return cards.map((c) => (renamed.has(c.id) ? { ...c, question: renamed.get(c.id)! } : c))
}
