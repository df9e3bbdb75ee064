/**
 * Mastery where you read: the share of a paragraph's or an event's cards whose FSRS
 * retrievability today is at least 90 %. The timeline and the reader shade by it.
 */
import type { Pack } from '$shared/pack-schema'
import { database, describeWriteError } from '../../db/database'
import { getSetting, setSetting } from '../../db/settings'
import { generateCards } from '../../domain/cards'
import { masteryShares, toFractions } from '../../domain/stats'
import type { StudyCard } from '../../domain/study-card'
import { notices } from '../../app/notices.svelte'

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

/** The generated cards of the last pack seen (generation is pure; once per pack is enough). */
let cached: { pack: Pack; cards: StudyCard[] } | undefined
function cardsOf(pack: Pack): StudyCard[] {
  if (cached?.pack !== pack) cached = { pack, cards: generateCards(pack) }
  return cached.cards
}

class Mastery {
  /** Shading on or off; remembered in settings. */
  enabled = $state(true)
  /** Share of mastered cards per event id, 0–1. */
  byEvent: Map<string, number> = $state(new Map())
  /** Share of mastered cards per paragraph id, 0–1. */
  byParagraph: Map<string, number> = $state(new Map())

  #restored = false

  /**
   * Recomputes the shares from the database for this pack: one read of the card rows, one pass.
   * Safe before any card exists (everything stays unshaded) and never throws.
   */
  refresh = async (pack: Pack, now = Date.now()): Promise<void> => {
    try {
      const db = database()
      if (!this.#restored) {
        this.#restored = true
        this.enabled = (await getSetting<unknown>(MASTERY_SETTING, true)) !== false
      }
      const rows = await db.cards.toArray()
      const shares = masteryShares(rows, cardsOf(pack), now)
      this.byEvent = toFractions(shares.byEvent)
      this.byParagraph = toFractions(shares.byParagraph)
    } catch (error) {
      console.warn('Mastery could not be computed:', error)
    }
  }

  /** Forgets the remembered switch, so it is read again (after a restore replaced the settings). */
  reload = (): void => {
    this.#restored = false
  }

  toggle = async (): Promise<void> => {
    this.enabled = !this.enabled
    this.#restored = true
    try {
      await setSetting(MASTERY_SETTING, this.enabled)
    } catch (error) {
      notices.show(describeWriteError(error), 'error')
    }
  }
}

export const mastery = new Mastery()
