/**
 * The scheduled card queue of a session: the next card drawn by the store's indexed queries, and
 * the card after it drawn ahead while the student looks at the present one (a prefetch), used
 * when it is still the right one so an answer needs no second query.
 */
import type { CardRow } from '../../domain/card-state'
import type { StudyStore } from '../../db/review-queue'

/** What the queue needs to know of the session each time it draws. */
export interface QueueContext {
  cutoff: number
  filter: ReadonlySet<string> | undefined
  /** New cards may still be drawn today (the daily limit is not reached). */
  allowNew: boolean
}

interface Ahead {
  row: CardRow | undefined
  learningDueAt: number
  /** The card shown when the draw was made: the draw is for the card after it. */
  shownId: string
}

export class CardQueue {
  #ahead: Promise<Ahead | null> | null = null
  /** The card last shown: it comes back (learning ahead) only when nothing else is left. */
  lastId = ''

  constructor(private readonly store: Pick<StudyStore, 'nextCard' | 'peekNextCard'>) {}

  /** Forgets the card drawn ahead (after an undo, a bury, a new session). */
  clear = (): void => {
    this.#ahead = null
  }

  /** Starts drawing the card after `shownId`, skipping it and the ids in `skip` (its siblings). */
  prefetch = (shownId: string, skip: ReadonlySet<string>, context: QueueContext): void => {
    this.lastId = shownId
    this.#ahead = this.store
      .peekNextCard({
        now: Date.now(),
        cutoff: context.cutoff,
        allowNew: context.allowNew,
        filter: context.filter,
        skip
      })
      .then((found) => ({ ...found, shownId }))
      .catch(() => null)
  }

  /** The next card to show: the prefetched one while still right, else a fresh draw. */
  next = async (context: QueueContext): Promise<CardRow | undefined> => {
    const pending = this.#ahead
    this.#ahead = null
    const ahead = pending && (await pending)
    if (ahead?.row && ahead.shownId === this.lastId && this.#fresh(ahead, context)) return ahead.row
    const query = {
      now: Date.now(),
      cutoff: context.cutoff,
      allowNew: context.allowNew,
      filter: context.filter
    }
    const skip = this.lastId ? new Set([this.lastId]) : undefined
    return (await this.store.nextCard({ ...query, skip })) ?? (await this.store.nextCard(query))
  }

  /** A learning card fell due meanwhile, or the daily new limit was reached: draw afresh. */
  #fresh(ahead: Ahead, context: QueueContext): boolean {
    const row = ahead.row!
    if (Date.now() >= ahead.learningDueAt && (row.state === 0 || row.state === 2)) return false
    return row.state !== 0 || context.allowNew
  }
}
