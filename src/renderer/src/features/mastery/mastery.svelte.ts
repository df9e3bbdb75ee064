/**
 * Mastery where you read: the share of each paragraph's, event's, era's and theme's cards whose
 * FSRS retrievability is at least 90 %. Kept for the whole app: the mastered ids are read once from
 * the `masteredUntil` index (keys only), then follow each write, so a review reaches every view
 * and a view switch reads nothing.
 */
import Dexie, { type ObservabilitySet } from 'dexie'
import { database, describeWriteError } from '../../db/database'
import { watch } from '../../db/live.svelte'
import { PersistedSetting } from '../../db/persisted.svelte'
import type { StudyContent } from '../../domain/content'
import { toFractions, type MasteryShares, type Share } from '../../domain/stats'
import { inIdleSlices, nextIdle, whenIdle } from '../../lib/idle'
import { notices } from '../../lib/notices.svelte'
import { MasteryTally } from './mastery-tally'
import { mutatedKeys } from './mutated-keys'

/** 0 none, 1 some, 2 most, 3 all cards mastered; undefined when there is nothing to show. */
export type MasteryLevel = 0 | 1 | 2 | 3

/** Maps a share of mastered cards (0–1) to a level for shading. */
export function masteryLevel(share: number | undefined): MasteryLevel | undefined {
  if (share === undefined || Number.isNaN(share)) return undefined
  if (share >= 1) return 3
  if (share >= 0.5) return 2
  if (share > 0) return 1
  return 0
}

export const MASTERY_SETTING = 'mastery.enabled'

/** How long writes of every row must have stopped before mastery reads every key again. */
const SETTLE_MS = 3_000

/** The ids of the cards mastered at a time: keys from the index, never whole rows. */
export async function masteredIds(now = Date.now()): Promise<ReadonlySet<string>> {
  const ids = await database().cards.where('masteredUntil').above(now).primaryKeys()
  // A plain snapshot handed to a pure function, never mutated: no reactive Set is needed.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  return new Set(ids)
}

/** True, false, or null before the student has chosen (shading is off until then). */
const isChoice = (value: unknown): value is boolean | null =>
  value === null || typeof value === 'boolean'

class Mastery {
  /**
   * Shading on or off, remembered in settings; null until the student chooses. Off before the
   * first review (every paragraph would say "not yet"), then the legend asks once.
   */
  readonly shading = new PersistedSetting<boolean | null>(MASTERY_SETTING, null, isChoice)
  /** True once any card has been reviewed. */
  reviewed = $state(false)
  /** Share of mastered cards per event id, 0–1. */
  byEvent: ReadonlyMap<string, number> = $state.raw(new Map())
  /** Share of mastered cards per paragraph id, 0–1. */
  byParagraph: ReadonlyMap<string, number> = $state.raw(new Map())
  /** Mastered and total cards per era and per theme (the progress view's bars). */
  byEra: ReadonlyMap<string, Share> = $state.raw(new Map())
  byTheme: ReadonlyMap<string, Share> = $state.raw(new Map())

  #stop: (() => void) | undefined

  get enabled(): boolean {
    return this.shading.value === true
  }

  /** Whether to ask the student to turn shading on: after their first review, until they choose. */
  get asking(): boolean {
    return this.reviewed && this.shading.value === null
  }

  /**
   * Follows the database for this content, once for the app's life. `now` fixes the clock
   * (tests); otherwise each run of the query reads the time it runs at.
   */
  start = (content: StudyContent, now?: number): void => {
    this.stop()
    // Whether anything was reviewed is read again from the database followed now (after a restore,
    // or a test's fresh database), not kept from the last one.
    this.reviewed = false
    this.shading.follow()
    // Totals once, and the mastered ids read once from the index (keys only); then each write
    // Dexie names row by row (a review, an undo, a suspend) moves only the cards it wrote, read
    // by key. Counting or reading the index's keys again after every review made the database
    // walk some 50,000 index entries at 100,000 cards (seconds on a busy machine), holding back
    // the next answers' commits and draws. A write it cannot name (a restore, a sync, an import)
    // reads every key again, as does the start of each hour (mastery fades with time).
    //
    // At 100,000 cards each of these steps is long (the cards made, the totals counted, some
    // 50,000 mastered ids walked): done in one task, it landed inside the first view switches.
    // So the tally is built, and every whole read applied, in slices of idle time.
    const tally = new MasteryTally()
    const built = nextIdle().then(() => inIdleSlices(content.cards, (card) => tally.add(card)))
    const publish = (shares: MasteryShares) => {
      this.byEvent = toFractions(shares.byEvent)
      this.byParagraph = toFractions(shares.byParagraph)
      this.byEra = shares.byEra
      this.byTheme = shares.byTheme
    }
    // Reads run one after another, each begun after the last ended, so each sees every write
    // that was notified before it began, and the last to answer is the latest state.
    let reads = Promise.resolve()
    let whole = false
    const queue = (read: () => Promise<void>) => {
      reads = reads
        .then(read)
        .catch((error: unknown) => console.warn('The mastered cards could not be read:', error))
    }
    const readAll = () => {
      if (whole) return
      whole = true
      queue(async () => {
        await built
        whole = false
        const mastered = await masteredIds(now ?? Date.now())
        const gone = tally.masteredNow()
        await inIdleSlices(mastered, (id) => {
          gone.delete(id)
          tally.mark(id, true)
        })
        await inIdleSlices(gone, (id) => tally.mark(id, false))
        publish(tally.shares())
      })
    }
    const readSome = (ids: string[]) =>
      queue(async () => {
        if (whole) return // a whole read is queued: it will see these too
        await built
        const at = now ?? Date.now()
        const rows = await database().cards.bulkGet(ids)
        publish(tally.change(new Map(ids.map((id, i) => [id, (rows[i]?.masteredUntil ?? 0) > at]))))
      })
    // A write of every row (a sync, a restore, a pack update) is read again once such writes have
    // stopped for a few seconds, in idle time: the session start or the view that made them reads
    // the same tables first, undisturbed (the page is "idle" while it waits for those reads).
    let settling: ReturnType<typeof setTimeout> | undefined
    const readAllOnceSettled = () => {
      clearTimeout(settling)
      settling = setTimeout(() => whenIdle(readAll, 2_000), SETTLE_MS)
    }
    const onChange = (parts: ObservabilitySet) => {
      const keys = mutatedKeys(parts, database().name, 'cards')
      if (keys === 'all') readAllOnceSettled()
      else if (keys.length) readSome(keys)
    }
    Dexie.on('storagemutated', onChange)
    readAll()
    const hourly = setInterval(readAll, 3_600_000)
    const stop = () => {
      clearTimeout(settling)
      Dexie.on('storagemutated').unsubscribe(onChange)
      clearInterval(hourly)
    }
    const stopReviewed = watch(
      // The first row only: counting a million rows kept the database busy (after every answer,
      // and for 143 ms at each start, with the other reads waiting behind it). Deleting the first
      // row runs it again. An empty table is counted, which costs nothing: Dexie does not see an
      // add to a range that a limited query read empty, but it sees one to a counted table.
      async () => {
        const first = await database().reviewLogs.limit(1).primaryKeys()
        return first.length || database().reviewLogs.count()
      },
      (n) => (this.reviewed = n > 0)
    )
    this.#stop = () => {
      stop()
      stopReviewed()
      this.shading.stop()
    }
  }

  /** Stops following (tests). */
  stop = (): void => {
    this.#stop?.()
    this.#stop = undefined
  }

  toggle = (): Promise<void> => this.choose(!this.enabled)

  /** Turns shading on or off for good (the question is not asked again). */
  choose = async (on: boolean): Promise<void> => {
    try {
      await this.shading.set(on)
    } catch (error) {
      notices.show(describeWriteError(error), 'error')
    }
  }
}

export const mastery = new Mastery()
