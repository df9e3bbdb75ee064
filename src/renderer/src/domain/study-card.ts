import type { EventDate, Theme } from '$shared/pack-schema'

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
  | 'cloze'

/**
 * What a card's answer is (or each item of a list answer is), so multiple choice offers options
 * of that kind and typed answers are judged as that kind (a date by its parts, a number by value).
 */
export type AnswerKind =
  | 'event'
  | 'date'
  | 'number'
  | 'person'
  | 'place'
  | 'country'
  | 'organisation'
  | 'company'
  | 'equipment'
  | 'product'
  | 'reason'
  | 'description'

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
  /** What the answer (or each item of a list answer) is; every generated card says it. */
  answerKind?: AnswerKind
  /** Other accepted answers for typed quizzes. */
  accept: string[]
  /**
   * For an answer made of several items ("APEC, G-20 and the UN"): each item with its accepted
   * spellings, the first being the one shown. A typed answer must name every item.
   */
  parts?: string[][]
  /** The parts must come in this order ("from Russia, operating in Mexico"); else any order. */
  ordered?: boolean
  /** The article names the parts as examples ("exports include…"): each one named counts. */
  include?: boolean
  /** Terms that recall the answer: a typed answer naming each one (any spelling) is right. */
  keyTerms?: string[][]
  /** For a date answer, the date at the source's precision: a more precise one typed counts. */
  date?: EventDate
  /** For a number answer, its value: typed numbers are read in any locale's format. */
  value?: number
  /** Wrong options written for the card (hand-written cards), of the answer's kind and form. */
  wrong?: string[]
  era: string
  themes: Theme[]
  paragraphId: string
  eventId?: string
  entityIds: string[]
  /** Other pack ids the card is about (a trade figure, items of equipment), for its notes. */
  factIds?: string[]
  citations: number[]
}
