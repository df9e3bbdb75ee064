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
  kind: CardKind
  question: string
  answer: string
  /** Other accepted answers for typed quizzes. */
  accept: string[]
  era: string
  themes: Theme[]
  paragraphId: string
  eventId?: string
  entityIds: string[]
  citations: number[]
}
