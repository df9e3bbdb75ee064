/** The suspended and buried cards listed in the progress view, with what a user recognises them by. */
import type { Pack } from '$shared/pack-schema'
import type { CardRow } from '../../db/database'
import { readerHref } from '../../domain/cards'
import type { StudyCard } from '../../domain/study-card'

export interface SetAsideEntry {
  id: string
  question: string
  eraLabel: string
  /** The reader link of the card's source paragraph. */
  href: string
  /** When a buried card comes back (epoch ms); 0 for a suspended one. */
  buriedUntil: number
}

export interface SetAside {
  suspended: SetAsideEntry[]
  buried: SetAsideEntry[]
}

/**
 * Matches the rows to the pack's cards by id and lists them in deck order (the order Study
 * introduces them). Rows whose card is not in the pack are left out: there is nothing to show.
 */
export function setAsideEntries(
  rows: { suspended: CardRow[]; buried: CardRow[] },
  cards: readonly StudyCard[],
  eras: Pack['eras']
): SetAside {
  const order = cardOrder(cards)
  const eraLabel = new Map(eras.map((era) => [era.id, era.label]))
  const entries = (list: CardRow[], buried: boolean): SetAsideEntry[] =>
    list
      .filter((row) => order.has(row.id))
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      .map((row) => {
        const card = cards[order.get(row.id)!]!
        return {
          id: card.id,
          question: card.question,
          eraLabel: eraLabel.get(card.era) ?? card.era,
          href: readerHref(card),
          buriedUntil: buried ? row.buriedUntil : 0
        }
      })
  return { suspended: entries(rows.suspended, false), buried: entries(rows.buried, true) }
}

/**
 * Each card's place in the deck by id, made once per cards array: the list follows every write, and
 * at 100,000 cards building it on each one cost half a second of the progress view (a CPU profile).
 */
function cardOrder(cards: readonly StudyCard[]): ReadonlyMap<string, number> {
  let order = orders.get(cards)
  if (!order) orders.set(cards, (order = new Map(cards.map((card, i) => [card.id, i]))))
  return order
}

const orders = new WeakMap<readonly StudyCard[], ReadonlyMap<string, number>>()

/** "Unsuspended 1 card", "Unburied 3 cards". */
export function doneMessage(verb: 'Unsuspended' | 'Unburied', n: number): string {
  return `${verb} ${n} ${n === 1 ? 'card' : 'cards'}`
}
