/**
 * Mastery where you read: the share of a paragraph's or an event's cards whose FSRS
 * retrievability today is at least 90 %. The timeline and the reader shade by it.
 * (Contract; the progress feature fills in `refresh`.)
 */
import type { Pack } from '$shared/pack-schema'

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

class Mastery {
  /** Shading on or off; remembered in settings by the progress feature. */
  enabled = $state(true)
  /** Share of mastered cards per event id, 0–1. */
  byEvent: Map<string, number> = $state(new Map())
  /** Share of mastered cards per paragraph id, 0–1. */
  byParagraph: Map<string, number> = $state(new Map())

  /** Recomputes the shares from the database for this pack. */
  refresh = async (_pack: Pack): Promise<void> => {}

  toggle = (): void => {
    this.enabled = !this.enabled
  }
}

export const mastery = new Mastery()
