/**
 * The shape of study progress as it is stored and exchanged: a card's FSRS state, its row (state
 * plus the user's flags) and a review-log row. One valibot schema per shape; the TypeScript types
 * are inferred from it, so the database, backups and Check data can never disagree on a field.
 */
import * as v from 'valibot'

const NonNegative = v.pipe(v.number(), v.finite(), v.minValue(0))
const Count = v.pipe(v.number(), v.integer(), v.minValue(0))
/** Epoch milliseconds within the range a JavaScript Date can hold. */
export const EpochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15))
const Flag = v.picklist([0, 1])

/** A card's FSRS state (ts-fsrs `Card`, dates as epoch ms). */
export const CardStateSchema = v.strictObject({
  due: EpochMs,
  stability: NonNegative,
  difficulty: NonNegative,
  elapsedDays: NonNegative,
  scheduledDays: NonNegative,
  learningSteps: Count,
  reps: Count,
  lapses: Count,
  /** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: v.picklist([0, 1, 2, 3]),
  lastReview: v.nullable(EpochMs)
})
export type CardState = v.InferOutput<typeof CardStateSchema>

/** The fields of a card state, in schema order (Check data compares them one by one). */
export const CARD_STATE_KEYS = Object.keys(CardStateSchema.entries) as (keyof CardState)[]

/** A card row as a backup file holds it: the state and the user's flags. */
export const StoredCardSchema = v.strictObject({
  ...CardStateSchema.entries,
  /** The stable card id from the pack (see card-ids.ts). */
  id: v.pipe(v.string(), v.minLength(1)),
  /** 1 while suspended by the user (numbers, because IndexedDB cannot index booleans). */
  suspended: Flag,
  /** Epoch ms until which the card is buried; 0 when it is not. */
  buriedUntil: EpochMs,
  /** 1 when the card's fact left the pack: hidden from study, its logs kept. */
  retired: Flag
})
export type StoredCard = v.InferOutput<typeof StoredCardSchema>

/**
 * A card row in the database: the stored card plus `masteredUntil`, derived from its state and
 * indexed, so mastery is a range read of keys rather than a scan of every row.
 */
export interface CardRow extends StoredCard {
  /** Epoch ms until which the card counts as mastered (0 when it is not); see `masteredUntil`. */
  masteredUntil: number
}

export const REVIEW_MODES = ['flip', 'choice', 'typed', 'order', 'numeric', 'test'] as const
/** How a card was answered; `test`: in a practice test (see `scheduled` for whether it counted). */
export type ReviewMode = (typeof REVIEW_MODES)[number]

export const ReviewLogSchema = v.strictObject({
  id: v.pipe(v.number(), v.integer(), v.minValue(1)),
  cardId: v.pipe(v.string(), v.minLength(1)),
  /** ts-fsrs Rating: 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: v.picklist([1, 2, 3, 4]),
  /** Epoch ms of the answer. */
  reviewedAt: EpochMs,
  /** How long the answer took, ms. */
  durationMs: NonNegative,
  mode: v.picklist(REVIEW_MODES),
  /** The desired retention in force, so a replay schedules exactly as the answer did. */
  retention: v.pipe(v.number(), v.finite(), v.minValue(0.5), v.maxValue(0.99)),
  /** The card's state before the answer (undo restores it; Check data replays from it). */
  before: CardStateSchema,
  /** `false` only on a practice test's answer that left the schedule alone; absent otherwise. */
  scheduled: v.optional(v.literal(false)),
  /** The review's id on every device (sync); backups older than sync lack it, it is then made. */
  uid: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/))),
  /** The device that answered (sync); stamped on write when absent. */
  device: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/)))
})
/** A review-log row; `id` is absent until the database assigns it, `uid`/`device` until stamped. */
export type ReviewLogRow = Omit<v.InferOutput<typeof ReviewLogSchema>, 'id'> & { id?: number }

/**
 * Whether a log changed its card's schedule: every answer does, except a practice test not counted
 * towards it (mode `test` alone cannot tell, as a counted test logs `test` too). Check data replays
 * only these; the review statistics count only these.
 */
export function changedSchedule(log: Pick<ReviewLogRow, 'scheduled'>): boolean {
  return log.scheduled !== false
}

/** The state part of a row (what FSRS schedules and a log's `before` holds). */
export function stateOf(row: CardState): CardState {
  const out = {} as Record<keyof CardState, unknown>
  for (const key of CARD_STATE_KEYS) out[key] = row[key]
  return out as CardState
}

/** True when two states are the same field for field. */
export function sameState(a: CardState, b: CardState): boolean {
  return CARD_STATE_KEYS.every((key) => Object.is(a[key], b[key]))
}

const DAY_MS = 86_400_000

/**
 * Until when (exclusive) a card counts as mastered. A Review card is recalled at 90 % or more
 * while the whole days elapsed since its last review (ts-fsrs counts whole days) are at most its
 * stability, which FSRS defines as the interval at which retrievability falls to 90 %.
 * 0 for a card that is new, learning or relearning: those are never mastered.
 */
export function masteredUntil(state: CardState): number {
  if (state.state !== 2 || state.lastReview === null) return 0
  return state.lastReview + (Math.floor(state.stability) + 1) * DAY_MS
}

/** Whether a card counts as mastered at a time (see `masteredUntil`). */
export function isMastered(state: CardState, now: number): boolean {
  return now < masteredUntil(state)
}

/** A stored card as a database row, with its derived mastery field. */
export function toCardRow(card: StoredCard): CardRow {
  return { ...card, masteredUntil: masteredUntil(card) }
}

/** A database row as a backup stores it (derived fields left out, recomputed on import). */
export function toStoredCard(row: CardRow): StoredCard {
  const { masteredUntil: _derived, ...stored } = row
  return stored
}
