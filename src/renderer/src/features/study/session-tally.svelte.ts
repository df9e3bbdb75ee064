/**
 * What a session has done so far, for its summary and its saved copy: answers by grade, new cards
 * learned, the cards missed, and when it started and ended.
 */
import type { Rating } from '../../domain/scheduler'
import { tally, type SavedSession } from './saved-session'

export class SessionTally {
  reviewed = $state(0)
  ratings = $state<SavedSession['ratings']>([0, 0, 0, 0])
  learned = $state(0)
  /** Cards answered Again, once each (the "missed ones" to go over again). */
  missed = $state<string[]>([])
  startedAt = $state(Date.now())
  endedAt = $state(0)

  /** Answers graded Again. */
  get again(): number {
    return this.ratings[0]
  }

  /** Starts from a saved session, or from nothing at `now`. */
  reset = (saved: SavedSession | null, now: number): void => {
    this.reviewed = saved?.reviewed ?? 0
    this.ratings = saved?.ratings ?? [0, 0, 0, 0]
    this.learned = saved?.learned ?? 0
    this.missed = saved?.missed ?? []
    this.startedAt = saved?.startedAt ?? now
    this.endedAt = 0
  }

  /** The tallies as a saved session keeps them (the reverse of `reset`). */
  saved = (): Pick<SavedSession, 'reviewed' | 'ratings' | 'learned' | 'missed' | 'startedAt'> => ({
    reviewed: this.reviewed,
    ratings: [...this.ratings],
    learned: this.learned,
    missed: [...this.missed],
    startedAt: this.startedAt
  })

  /** Adds one answer (or with -1 takes it back). */
  count = (cardId: string, rating: Rating, wasNew: boolean, sign: 1 | -1 = 1): void => {
    this.reviewed = Math.max(0, this.reviewed + sign)
    this.ratings = tally(this.ratings, rating, sign)
    if (wasNew) this.learned = Math.max(0, this.learned + sign)
    if (rating === 1 && sign === 1 && !this.missed.includes(cardId)) {
      this.missed = [...this.missed, cardId]
    }
    if (rating === 1 && sign === -1) this.missed = this.missed.filter((id) => id !== cardId)
  }
}
