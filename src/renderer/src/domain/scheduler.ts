/**
 * The one place that talks to ts-fsrs: FSRS with default parameters, fuzz off so that a replay of
 * the review log reproduces every state exactly. Card states are plain rows with epoch-ms dates.
 */
import { createEmptyCard, fsrs, type Card, type FSRS, type Grade } from 'ts-fsrs'
import type { CardState } from './card-state'

export const DEFAULT_RETENTION = 0.9
export type Rating = 1 | 2 | 3 | 4

const schedulers = new Map<number, FSRS>()

/** The scheduler for a desired retention (cached: one per retention value). */
export function schedulerFor(retention: number): FSRS {
  let scheduler = schedulers.get(retention)
  if (!scheduler) {
    scheduler = fsrs({ request_retention: retention, enable_fuzz: false })
    schedulers.set(retention, scheduler)
  }
  return scheduler
}

/** A row's state as a ts-fsrs card. */
export function toFsrsCard(state: CardState): Card {
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    last_review: state.lastReview === null ? undefined : new Date(state.lastReview)
  }
}

/** A ts-fsrs card as a row's state. */
export function fromFsrsCard(card: Card): CardState {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as CardState['state'],
    lastReview: card.last_review ? card.last_review.getTime() : null
  }
}

/** The state of a card never studied, due now. */
export function newCardState(now: number): CardState {
  return fromFsrsCard(createEmptyCard(new Date(now)))
}

/** The state after answering with a rating at a time. Pure and deterministic. */
export function schedule(
  state: CardState,
  rating: Rating,
  now: number,
  retention: number
): CardState {
  return fromFsrsCard(
    schedulerFor(retention).next(toFsrsCard(state), new Date(now), rating as Grade).card
  )
}

/** The next due time for each rating, for the labels on the answer buttons. */
export function previewDue(
  state: CardState,
  now: number,
  retention: number
): Record<Rating, number> {
  const preview = schedulerFor(retention).repeat(toFsrsCard(state), new Date(now))
  return {
    1: preview[1].card.due.getTime(),
    2: preview[2].card.due.getTime(),
    3: preview[3].card.due.getTime(),
    4: preview[4].card.due.getTime()
  }
}

/** The probability of recalling the card at a time (0 for a card never studied). */
export function retrievability(state: CardState, now: number): number {
  if (state.state === 0) return 0
  return schedulerFor(DEFAULT_RETENTION).get_retrievability(toFsrsCard(state), new Date(now), false)
}

/** A short interval label like Anki's: "10m", "2h", "3d", "1.5mo", "2y". */
export function formatInterval(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000))
  if (minutes < 60) return `${minutes}m`
  const hours = minutes / 60
  if (hours < 24) return `${Math.round(hours)}h`
  const days = hours / 24
  if (days < 30) return `${Math.round(days)}d`
  if (days < 365) return `${+(days / 30).toFixed(1)}mo`
  return `${+(days / 365).toFixed(1)}y`
}
