import type { Theme } from '$shared/pack-schema'

export type CardKind =
  | 'event-what'
  | 'event-when'
  | 'person'
  | 'place'
  | 'organisation'
  | 'figure'
  | 'trade-flow'
  | 'company'
  | 'equipment'
  | 'hand'

/** A flashcard generated from the pack (or hand-written in it). Its id is stable across packs. */
export interface StudyCard {
  id: string
  /**
   * The thing the card is made from (an event, a person, a figure…), as Anki's note: cards that
   * share it are siblings (an event's "what" and "when"), kept apart in a session.
   */
  noteId: string
  kind: CardKind
  question: string
  answer: string
  /** Other accepted answers for typed quizzes. */
  accept: string[]
  /**
   * For an answer made of several items ("APEC, G-20 and the UN"): each item with its accepted
   * spellings, the first being the one shown. A typed answer must name every item.
   */
  parts?: string[][]
  /** The parts must come in this order ("from Russia, operating in Mexico"); else any order. */
  ordered?: boolean
  era: string
  themes: Theme[]
  paragraphId: string
  eventId?: string
  entityIds: string[]
  /** Other pack ids the card is about (a trade figure, items of equipment), for its notes. */
  factIds?: string[]
  citations: number[]
}
