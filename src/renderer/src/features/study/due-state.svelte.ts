/**
 * A session's due counts, kept in memory: counted once at the start, then adjusted from each
 * before/after state (answer, undo, bury, suspend), never recounted by a scan. Also the day's
 * cutoff and the new-card limit, with any extra new cards asked for today.
 */
import type { CardRow } from '../../domain/card-state'
import { adjustCounts, newShown, type DueCounts } from '../../domain/study-queue'

export class DueState {
  counts = $state<DueCounts>({ new: 0, learning: 0, review: 0 })
  /** New cards studied for the first time today (they count against the limit). */
  introducedToday = $state(0)
  newPerDay = $state(20)
  /** New cards asked for beyond the limit today ("study more new cards"). */
  extraNew = $state(0)
  /** The start of the next study day: cards due before it are due today. */
  cutoff = 0

  /** New cards still shown today under the limit (and any extra asked for). */
  get newVisible(): number {
    return newShown(this.counts.new, this.introducedToday, this.newPerDay + this.extraNew)
  }

  /** The counts after rows changed (with -1: the change taken back). */
  apply = (changes: { before: CardRow; after: CardRow }[], sign: 1 | -1 = 1): void => {
    const now = Date.now()
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
