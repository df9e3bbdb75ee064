/**
 * A session's due counts, kept in memory: counted once at the start, then adjusted from each
 * before/after state (answer, undo, bury, suspend), never recounted by a scan. Also the day's
 * cutoff and the new-card limit, with any extra new cards asked for today.
 */
import type { CardRow } from '../../domain/card-state'
import { adjustCounts, newShown, type DueCounts } from '../../domain/study-queue'

type Changes = { before: CardRow; after: CardRow }[]

export class DueState {
  counts = $state<DueCounts>({ new: 0, learning: 0, review: 0 })
  /**
   * False until the start's count arrives: the first card is shown before it (an index count walks
   * every entry it counts, a third of a second for 50,000 due reviews), and the changes made after
   * its read are applied to the counts when they arrive.
   */
  counted = $state(true)
  /** New cards studied for the first time today (they count against the limit). */
  introducedToday = $state(0)
  newPerDay = $state(20)
  /** New cards asked for beyond the limit today ("study more new cards"). */
  extraNew = $state(0)
  /** The start of the next study day: cards due before it are due today. */
  cutoff = 0
  #waiting: { changes: Changes; sign: 1 | -1; at: number }[] = []

  /**
   * New cards still shown today under the limit (and any extra asked for). Before the count, as
   * many as the limit leaves: whether one is drawn then depends only on there being one.
   */
  get newVisible(): number {
    const available = this.counted ? this.counts.new : Number.POSITIVE_INFINITY
    return newShown(available, this.introducedToday, this.newPerDay + this.extraNew)
  }

  #count = 0

  /** A count begins: the changes made from now on wait for it. Returns its ticket. */
  counting = (): number => {
    this.counted = false
    this.#waiting = []
    return ++this.#count
  }

  /** The count's read is made now, with every change so far saved: it sees them all. */
  reading = (): void => {
    this.#waiting = []
  }

  /**
   * The count begun with `counting` (its ticket), read at `reading`: the changes made since (a read
   * made before a write sees the rows without it) are applied to it, in order. A count overtaken
   * by a later one is dropped.
   */
  arrived = (counts: DueCounts, ticket: number): void => {
    if (ticket !== this.#count) return
    const waiting = this.#waiting
    this.#waiting = []
    this.counts = counts
    this.counted = true
    for (const { changes, sign, at } of waiting) this.apply(changes, sign, at)
  }

  /** The counts after rows changed (with -1: the change taken back). */
  apply = (changes: Changes, sign: 1 | -1 = 1, now = Date.now()): void => {
    if (!this.counted) {
      this.#waiting.push({ changes, sign, at: now })
      return
    }
    let counts = this.counts
    for (const { before, after } of changes) {
      counts =
        sign === 1
          ? adjustCounts(counts, before, after, now, this.cutoff)
          : adjustCounts(counts, after, before, now, this.cutoff)
    }
    this.counts = counts
  }
}
