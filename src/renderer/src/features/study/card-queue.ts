/**
 * The scheduled card queue of a session: the next cards drawn several at a time by the store's
 * indexed queries, ahead of need, while the student looks at the present one. A run of answers is
 * served from that list with no query, so the next card never waits for the commit of the answer
 * before it; a draw that has gone stale (a learning card fell due, the new-card limit was reached)
 * is dropped and the next card drawn afresh.
 */
import type { CardRow } from '../../domain/card-state'
import type { StudyStore } from '../../db/review-queue'
import { nextPaint } from '../../lib/after-paint'

/** What the queue needs to know of the session each time it draws. */
export interface QueueContext {
  cutoff: number
  filter: ReadonlySet<string> | undefined
  /** New cards may still be drawn today (the daily limit is not reached). */
  allowNew: boolean
  /** Cards whose answer is still being saved (and their siblings): the store's rows are stale. */
  inFlight: ReadonlySet<string>
  /** Resolves when every queued write is saved. */
  settled: () => Promise<void>
}

/** How many cards one draw reads ahead, and how few left start the next draw. */
const DRAW = 40
const LOW = 15

interface Draw {
  rows: CardRow[]
  learningDueAt: number
}

export class CardQueue {
  #ahead: Draw = { rows: [], learningDueAt: Infinity }
  #pending: Promise<void> | null = null
  /** Cards shown (or set aside with them) since the pending draw began: it may list them stale. */
  #taken = new Set<string>()
  /** The card last shown: it comes back (learning ahead) only when nothing else is left. */
  lastId = ''

  constructor(private readonly store: Pick<StudyStore, 'nextCard' | 'peekNextCards'>) {}

  /** How many cards are drawn ahead and ready to show. */
  get ready(): number {
    return this.#ahead.rows.length
  }

  /** Forgets the cards drawn ahead (after an undo, a bury, a new session). */
  clear = (): void => {
    this.#ahead = { rows: [], learningDueAt: Infinity }
    this.#pending = null
    this.#taken.clear()
  }

  /**
   * The card `shownId` is on screen: it and the ids in `skip` (its siblings) leave the list, and
   * when few cards are left the next ones are drawn, skipping them and the cards whose answer is
   * not saved yet (the store would give their rows as they were before it).
   */
  prefetch = (shownId: string, skip: ReadonlySet<string>, context: QueueContext): void => {
    this.lastId = shownId
    const gone = new Set([shownId, ...skip])
    for (const id of gone) this.#taken.add(id)
    this.#ahead = { ...this.#ahead, rows: this.#ahead.rows.filter((r) => !gone.has(r.id)) }
    if (this.#ahead.rows.length >= LOW || this.#pending) return
    const query = {
      now: Date.now(),
      cutoff: context.cutoff,
      allowNew: context.allowNew,
      filter: context.filter,
      skip: new Set([...gone, ...context.inFlight, ...this.#ahead.rows.map((r) => r.id)])
    }
    this.#taken = new Set(gone)
    // Read once the card shown is painted, so the draw never delays it.
    const pending = nextPaint()
      .then(() => this.store.peekNextCards(query, DRAW))
      .then(
        (draw) => {
          if (this.#pending !== pending) return
          this.#pending = null
          const taken = this.#taken
          this.#ahead = {
            rows: [...this.#ahead.rows, ...draw.rows.filter((r) => !taken.has(r.id))],
            learningDueAt: Math.min(this.#ahead.learningDueAt, draw.learningDueAt)
          }
        },
        () => {
          if (this.#pending === pending) this.#pending = null
        }
      )
    this.#pending = pending
  }

  /**
   * The first card drawn ahead while it is still right, taken at once (undefined otherwise): the
   * next card goes on screen in the key press's own task, before any read or write runs.
   */
  take = (context: QueueContext): CardRow | undefined => {
    const row = this.#ahead.rows[0]
    if (!row || context.inFlight.has(row.id) || !this.#fresh(row, context)) return undefined
    this.#ahead = { ...this.#ahead, rows: this.#ahead.rows.slice(1) }
    return row
  }

  /** The next card to show: the first drawn ahead while still right, else a fresh draw. */
  next = async (context: QueueContext): Promise<CardRow | undefined> => {
    if (!this.#ahead.rows.length && this.#pending) await this.#pending
    const row = this.take(context)
    if (row) return row
    this.clear()
    const query = {
      now: Date.now(),
      cutoff: context.cutoff,
      allowNew: context.allowNew,
      filter: context.filter
    }
    const skip = new Set([...context.inFlight, ...(this.lastId ? [this.lastId] : [])])
    // The cards after it are drawn with it, in the same transaction: the first answers after a
    // start (or a list gone stale) find them ready, not waiting for a draw behind other reads.
    const draw = await this.store.peekNextCards({ ...query, skip }, DRAW)
    const [other, ...rest] = draw.rows
    if (other && !this.#ahead.rows.length && !this.#pending) {
      this.#ahead = { rows: rest, learningDueAt: draw.learningDueAt }
      return other
    }
    if (other) return other
    // Only the last card (or one still being saved) is left: wait for the saves, then read it.
    await context.settled()
    return this.store.nextCard({ ...query, now: Date.now() })
  }

  /** A learning card fell due meanwhile, or the daily new limit was reached: draw afresh. */
  #fresh(row: CardRow, context: QueueContext): boolean {
    if (Date.now() >= this.#ahead.learningDueAt && (row.state === 0 || row.state === 2))
      return false
    return row.state !== 0 || context.allowNew
  }
}
