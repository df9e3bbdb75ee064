/**
 * A session's due counts, kept in memory: counted once per start, when the student first pauses on
 * a card, then adjusted from each before/after state (answer, undo, bury, suspend), never
 * recounted by a scan. Also the day's
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
  /** The counts are read once no new card has been shown for this long (ms)… */
  afterQuiet = 1_000
  /** …or this long after `readWhenQuiet` at the latest (ms). */
  waitMost = 5_000
  /** The counts asked for last, once they have arrived (or failed: shown as dashes). */
  arrival: Promise<void> = Promise.resolve()

  /** A count begins: the changes made from now on wait for it. Returns its ticket. */
  counting = (): number => {
    this.counted = false
    this.#waiting = []
    return ++this.#count
  }

  /**
   * Reads the counts of `ticket` once the student pauses on a card (`shownAt`: when the card on
   * screen was shown). An index count walks every entry it counts (in Chromium 150 about six
   * microseconds each: a third of a second for 50,000 due reviews), and meanwhile the database
   * answers nothing else, not an answer's write nor the next cards read ahead: read at the start,
   * it held the first card back; read while answers come fast, it held them. It is read once every
   * change so far is saved (`settled`), so it sees them; later ones are applied when it arrives.
   */
  readWhenQuiet = (
    ticket: number,
    source: { shownAt: () => number; settled: () => Promise<void>; read: () => Promise<DueCounts> }
  ): void => {
    this.arrival = this.#read(ticket, source)
  }

  async #read(
    ticket: number,
    { shownAt, settled, read }: Parameters<DueState['readWhenQuiet']>[1]
  ): Promise<void> {
    const current = () => ticket === this.#count
    try {
      const latest = Date.now() + this.waitMost
      for (;;) {
        const wait = Math.min(shownAt() + this.afterQuiet, latest) - Date.now()
        if (wait <= 0 || !current()) break
        await new Promise((resolve) => setTimeout(resolve, wait))
      }
      await settled()
      if (!current()) return
      this.#waiting = []
      this.arrived(await read(), ticket)
    } catch (error) {
      console.warn('The due counts could not be read:', error)
    }
  }

  /** The study view is left: a count not yet read is never read, one under way never shown. */
  stop = (): void => {
    this.#count++
  }

  /**
   * The count begun with `counting` (its ticket): the changes made after its read (a read made
   * before a write sees the rows without it) are applied to it, in order. A count overtaken by a
   * later one is dropped.
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
