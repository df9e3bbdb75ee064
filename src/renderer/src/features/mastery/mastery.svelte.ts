/**
 * Mastery where you read: the share of each paragraph's, event's, era's and theme's cards whose
 * FSRS retrievability is at least 90 %. Kept for the whole app: the mastered ids are a live range
 * read of the `masteredUntil` index (keys only), so a review reaches every view and a view switch
 * reads nothing.
 */
import { database, describeWriteError } from '../../db/database'
import { watch } from '../../db/live.svelte'
import { PersistedSetting } from '../../db/persisted.svelte'
import type { StudyContent } from '../../domain/content'
import { toFractions, type Share } from '../../domain/stats'
import { notices } from '../../lib/notices.svelte'
import { MasteryTally } from './mastery-tally'

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
    this.shading.follow()
    // Totals once; each new set of mastered ids then moves only the cards that changed.
    const tally = new MasteryTally(content.cards)
    let latest = 0
    // The live query counts (it watches the index range); the ids are read after it answers,
    // outside it: read inside, Dexie would track each of them (hundreds of ms at 50,000 ids).
    const stop = watch(
      () =>
        database()
          .cards.where('masteredUntil')
          .above(now ?? Date.now())
          .count(),
      () => {
        const run = ++latest
        masteredIds(now ?? Date.now()).then(
          (ids) => {
            if (run !== latest) return
            const shares = tally.update(ids)
            this.byEvent = toFractions(shares.byEvent)
            this.byParagraph = toFractions(shares.byParagraph)
            this.byEra = shares.byEra
            this.byTheme = shares.byTheme
          },
          (error: unknown) => console.warn('The mastered cards could not be read:', error)
        )
      }
    )
    const stopReviewed = watch(
      // A count, not limit(1): Dexie does not see an add to a range a limited query read empty.
      () => database().reviewLogs.count(),
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
