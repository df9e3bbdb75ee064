/**
 * A session as it is saved after every step, so it survives a look-up in the reader, a trip to
 * another view and a reload: until the student ends it or the study day turns (4 am).
 */
import type { Rating } from '../../domain/scheduler'
import { studyDayStart } from '../../domain/study-queue'
import type { QuizResult } from './feedback'
import type { StudyFilter } from './lib'
import type { QuizMode } from './query'

/** The settings key the session is saved under. */
export const SESSION_SETTING = 'study.session'

export interface SavedSession {
  /** The study day it belongs to (its 4 am start). */
  day: number
  /** What was studied (filter, mode, cram): another choice is another session. */
  key: string
  /** The card shown, and whether its answer was shown or graded. */
  cardId: string | null
  revealed: boolean
  result: QuizResult | null
  reviewed: number
  /** Answers by rating: Again, Hard, Good, Easy. */
  ratings: [number, number, number, number]
  /** New cards seen for the first time in this session. */
  learned: number
  /** Cards answered Again (the "missed ones" to go over again). */
  missed: string[]
  startedAt: number
  seed: number
  /** The seed the card shown drew its options with (multiple choice). */
  choiceSeed: number
  /** Extra new cards asked for today, beyond the daily limit ("more new cards"). */
  extraNew: number
}

/** The key of what a session studies. */
export function sessionKey(filter: StudyFilter, mode: QuizMode, cram: boolean): string {
  return JSON.stringify([filter.era, filter.theme, filter.card, filter.cards ?? [], mode, cram])
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0

/** A saved session that can be taken up now for this key, or null (another day, another key). */
export function resumable(value: unknown, key: string, now: number): SavedSession | null {
  if (!value || typeof value !== 'object') return null
  const s = value as Partial<SavedSession>
  const valid =
    s.day === studyDayStart(now) &&
    s.key === key &&
    (s.cardId === null || typeof s.cardId === 'string') &&
    typeof s.revealed === 'boolean' &&
    isCount(s.reviewed) &&
    Array.isArray(s.ratings) &&
    s.ratings.length === 4 &&
    s.ratings.every(isCount) &&
    isCount(s.learned) &&
    Array.isArray(s.missed) &&
    s.missed.every((id) => typeof id === 'string') &&
    isCount(s.startedAt) &&
    isCount(s.seed) &&
    isCount(s.choiceSeed) &&
    isCount(s.extraNew)
  return valid ? ({ result: null, ...s } as SavedSession) : null
}

/** Adds one rating to the tally. */
export function tally(
  ratings: SavedSession['ratings'],
  rating: Rating,
  sign: 1 | -1 = 1
): SavedSession['ratings'] {
  const out = [...ratings] as SavedSession['ratings']
  out[rating - 1] = Math.max(0, out[rating - 1]! + sign)
  return out
}
