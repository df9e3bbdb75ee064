/**
 * Mastered cards per era, theme, event and paragraph, kept up to date from one set of mastered
 * ids to the next: the totals are counted once, and each new set only moves the cards that
 * changed. At 100,000 cards a review touches a handful of groups instead of walking every card
 * on the page's thread; the result equals `masteryShares` over all cards.
 */
import type { StudyCard } from '../../domain/study-card'
import type { MasteryShares, Share } from '../../domain/stats'

type Groups = { era: string; themes: string[]; eventId?: string; paragraphId: string }

const emptyShares = (): MasteryShares => ({
  byEra: new Map(),
  byTheme: new Map(),
  byEvent: new Map(),
  byParagraph: new Map()
})

/** The shares of one content, following the mastered ids it is given. */
export class MasteryTally {
  readonly #groups = new Map<string, Groups>()
  readonly #shares: MasteryShares = emptyShares()
  /** The mastered ids as last given (a copy of the tally's own, changed in place). */
  #mastered = new Set<string>()

  constructor(cards: readonly StudyCard[] = []) {
    for (const card of cards) this.add(card)
  }

  /** Counts one more card (not mastered): lets a caller build the tally a slice at a time. */
  add(card: StudyCard): void {
    const groups: Groups = {
      era: card.era,
      themes: [...new Set(card.themes)],
      eventId: card.eventId,
      paragraphId: card.paragraphId
    }
    this.#groups.set(card.id, groups)
    this.#each(groups, (share) => share.total++)
  }

  /** The ids the tally counts as mastered now (a copy). */
  masteredNow(): Set<string> {
    return new Set(this.#mastered)
  }

  /** Marks one card mastered or not, without a copy of the shares: for a change in slices. */
  mark(id: string, mastered: boolean): void {
    if (mastered === this.#mastered.has(id)) return
    this.#move(id, mastered ? 1 : -1)
    if (mastered) this.#mastered.add(id)
    else this.#mastered.delete(id)
  }

  /** The shares as they stand, in new maps. */
  shares(): MasteryShares {
    return this.#copy()
  }

  /** The shares once `mastered` are the mastered ids (ids of no card of the content are ignored). */
  update(mastered: ReadonlySet<string>): MasteryShares {
    const before = this.#mastered
    for (const id of mastered) if (!before.has(id)) this.#move(id, 1)
    for (const id of before) if (!mastered.has(id)) this.#move(id, -1)
    this.#mastered = new Set(mastered)
    return this.#copy()
  }

  /**
   * The shares once the cards named have become mastered (true) or not (false), the others as
   * they were: a review moves one card, with no walk over the whole set.
   */
  change(changes: ReadonlyMap<string, boolean>): MasteryShares {
    for (const [id, mastered] of changes) this.mark(id, mastered)
    return this.#copy()
  }

  /** New maps each time: whoever holds the last ones sees a change. */
  #copy(): MasteryShares {
    const copy = (map: Map<string, Share>) =>
      new Map([...map].map(([key, share]) => [key, { ...share }]))
    return {
      byEra: copy(this.#shares.byEra),
      byTheme: copy(this.#shares.byTheme),
      byEvent: copy(this.#shares.byEvent),
      byParagraph: copy(this.#shares.byParagraph)
    }
  }

  #move(id: string, by: 1 | -1): void {
    const groups = this.#groups.get(id)
    if (groups) this.#each(groups, (share) => (share.mastered += by))
  }

  #each(groups: Groups, change: (share: Share) => void): void {
    const at = (map: Map<string, Share>, key: string) => {
      let share = map.get(key)
      if (!share) map.set(key, (share = { mastered: 0, total: 0 }))
      change(share)
    }
    at(this.#shares.byEra, groups.era)
    for (const theme of groups.themes) at(this.#shares.byTheme, theme)
    if (groups.eventId) at(this.#shares.byEvent, groups.eventId)
    at(this.#shares.byParagraph, groups.paragraphId)
  }
}
