/**
 * A card's state as the replay of everything that happened to it on every device: its reviews
 * through the scheduler (fuzz off) and its events (suspend, bury, undo, reset), in time order with
 * ties broken by event id, so every device that holds the same events computes the same card.
 */
import type { CardState } from '../card-state'
import { newCardState, schedule, type Rating } from '../scheduler'
import type { EventKind } from './lines'

/** A review as the replay needs it. */
export interface ReplayReview {
  uid: string
  at: number
  rating: Rating
  retention: number
  /** `false`: a practice test not counted towards the schedule; it changes nothing. */
  scheduled?: false
}

/** A card event as the replay needs it. */
export interface ReplayEvent {
  uid: string
  at: number
  kind: EventKind
  until?: number
  review?: string
}

/** A card after the replay: its state and flags, and the state before each review applied. */
export interface Replayed {
  state: CardState
  suspended: 0 | 1
  buriedUntil: number
  /** The state each applied review started from, by review id (a log row's `before`). */
  befores: Map<string, CardState>
  /** The reviews that count towards the state (not undone). */
  applied: number
}

/** The order every device agrees on: time, then id. */
export function byTimeThenId(
  a: { at: number; uid: string },
  b: { at: number; uid: string }
): number {
  return a.at - b.at || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0)
}

/**
 * Replays a card. `newDue` is when the card, while new, is due on this device (its place in the
 * new-card order, which is local); a review never depends on it.
 */
export function replayCard(
  newDue: number,
  reviews: readonly ReplayReview[],
  events: readonly ReplayEvent[]
): Replayed {
  const undone = new Set<string>()
  for (const event of events) if (event.kind === 'undo' && event.review) undone.add(event.review)
  type Step = { at: number; uid: string; review?: ReplayReview; event?: ReplayEvent }
  const steps: Step[] = []
  for (const review of reviews) {
    if (!undone.has(review.uid)) steps.push({ at: review.at, uid: review.uid, review })
  }
  for (const event of events) {
    if (event.kind !== 'undo') steps.push({ at: event.at, uid: event.uid, event })
  }
  steps.sort(byTimeThenId)

  let state = newCardState(newDue)
  let suspended: 0 | 1 = 0
  let buriedUntil = 0
  let applied = 0
  const befores = new Map<string, CardState>()
  for (const step of steps) {
    if (step.review) {
      befores.set(step.review.uid, state)
      if (step.review.scheduled === false) continue
      state = schedule(state, step.review.rating, step.review.at, step.review.retention)
      buriedUntil = 0
      applied++
      continue
    }
    const event = step.event!
    if (event.kind === 'suspend') suspended = 1
    else if (event.kind === 'unsuspend') suspended = 0
    else if (event.kind === 'bury') buriedUntil = event.until ?? 0
    else if (event.kind === 'reset') state = newCardState(newDue)
  }
  return { state, suspended, buriedUntil, befores, applied }
}
