/**
 * The pure bookkeeping of a study session: Anki's day (it turns at 4 am local time), which due
 * bucket a card is in, and the in-memory due counts adjusted on every answer, undo, bury or suspend
 * from the before and after states, so nothing is ever recounted by a scan.
 */
import type { CardRow, CardState } from './card-state'

/** The hour at which a study day begins, as in Anki: late-night reviews count for the day before. */
export const DAY_START_HOUR = 4
/** A day in milliseconds. */
export const DAY_MS = 86_400_000

/** The start of the study day that contains `now` (local 4 am). */
export function studyDayStart(now: number, hour = DAY_START_HOUR): number {
  const d = new Date(now)
  const start = new Date(d.getFullYear(), d.getMonth(), d.getDate(), hour)
  if (start.getTime() > now) start.setDate(start.getDate() - 1)
  return start.getTime()
}

/** The start of the next study day: due cards before it are due today; buried cards return then. */
export function nextStudyDay(now: number, hour = DAY_START_HOUR): number {
  const start = new Date(studyDayStart(now, hour))
  start.setDate(start.getDate() + 1)
  return start.getTime()
}

export type Bucket = 'new' | 'learning' | 'review'

export interface DueCounts {
  /** New cards available (before the daily limit). */
  new: number
  learning: number
  review: number
}

type CardFlags = CardState & Pick<CardRow, 'retired' | 'suspended' | 'buriedUntil'>

/** The bucket a card counts in today, or null when it is hidden or not due before `cutoff`. */
export function bucketOf(card: CardFlags, now: number, cutoff: number): Bucket | null {
  if (card.retired || card.suspended || card.buriedUntil > now) return null
  if (card.state === 0) return 'new'
  if (card.due >= cutoff) return null
  return card.state === 2 ? 'review' : 'learning'
}

/** The counts after a card went from `before` to `after` (either may be absent). */
export function adjustCounts(
  counts: DueCounts,
  before: CardFlags | null,
  after: CardFlags | null,
  now: number,
  cutoff: number
): DueCounts {
  const next = { ...counts }
  const from = before && bucketOf(before, now, cutoff)
  const to = after && bucketOf(after, now, cutoff)
  if (from) next[from] = Math.max(0, next[from] - 1)
  if (to) next[to] += 1
  return next
}

/** The new cards still shown today under the daily limit. */
export function newShown(available: number, introducedToday: number, limit: number): number {
  return Math.max(0, Math.min(available, limit - introducedToday))
}

/** Counts a list of rows in memory (used for a filtered session, whose cards are few). */
export function countRows(rows: CardFlags[], now: number, cutoff: number): DueCounts {
  const counts: DueCounts = { new: 0, learning: 0, review: 0 }
  for (const row of rows) {
    const bucket = bucketOf(row, now, cutoff)
    if (bucket) counts[bucket] += 1
  }
  return counts
}

/** The order new cards are introduced in: Anki's "mix" (kinds and eras interleaved) or by date. */
export type NewCardOrder = 'mixed' | 'date'

/** A stable 32-bit hash (FNV-1a), so a card keeps its place in the mix when the pack grows. */
function stableHash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * Card ids in the order new cards come. `date` keeps the pack's order (events by date, then
 * people, places, trade…). `mixed` deals one card of each kind in turn, each kind shuffled by a
 * stable hash of its ids (so eras mix too, and adding a card never reshuffles the others), and
 * holds a card back while a sibling (same `noteId`) came within the last `gap` cards, so a day's
 * new cards never give each other away.
 */
export function newCardOrder(
  cards: readonly { id: string; noteId: string; kind: string }[],
  order: NewCardOrder,
  gap = 20
): string[] {
  // The content's cards never change while the app runs: each session start asks again for the
  // same order, so it is made once per cards array (frozen: a caller cannot change the shared copy).
  const key = `${order}:${gap}`
  const made = orders.get(cards)
  const known = made?.get(key)
  if (known) return known
  const ids = Object.freeze(dealNewCards(cards, order, gap)) as string[]
  if (made) made.set(key, ids)
  else orders.set(cards, new Map([[key, ids]]))
  return ids
}

const orders = new WeakMap<object, Map<string, string[]>>()

/** How new rows are placed: the order's name and the deal of a set of ids in that order. */
export interface NewCardPlacing {
  /** Saved with the rows: when the saved name is another one, every new row is placed again. */
  name: string
  /** The ids given, in the order their cards are introduced (asked for the ids to place only). */
  deal: (ids: readonly string[]) => readonly string[]
}

/**
 * The placing of new rows in an order: some of the cards (distinct ids of `cards`) are dealt among
 * themselves, taken in the cards' own order, so the cards still to come are mixed and their
 * siblings apart however many were placed before. All of the cards: the order made once per array.
 */
export function newCardPlacing(
  cards: readonly { id: string; noteId: string; kind: string }[],
  order: NewCardOrder,
  gap = 20
): NewCardPlacing {
  const deal = (ids: readonly string[]): readonly string[] => {
    if (ids.length === cards.length) return newCardOrder(cards, order, gap)
    const some = new Set(ids)
    return newCardOrder(
      cards.filter((card) => some.has(card.id)),
      order,
      gap
    )
  }
  return { name: order, deal }
}

/**
 * Each card's note as a small number, and how many cards each note has: the new-card deal and the
 * sibling index both group by note, and numbers in typed arrays cost no allocation per card.
 */
function noteNumbers(cards: readonly { id: string; noteId: string }[]): {
  of: Int32Array
  sizes: number[]
} {
  const known = notes.get(cards)
  if (known) return known
  // Most cards are their own note (the note id is the card's id): only the note ids that some
  // card names for another go into a map, so 100,000 hand cards cost no map of 100,000 keys.
  const shared = new Map<string, number>()
  const sizes: number[] = []
  for (const card of cards) {
    if (card.noteId === card.id || shared.has(card.noteId)) continue
    shared.set(card.noteId, sizes.length)
    sizes.push(0)
  }
  const of = new Int32Array(cards.length)
  for (let i = 0; i < cards.length; i++) {
    const card = cards[i]!
    let n = shared.size ? shared.get(card.noteId) : undefined
    if (n === undefined) {
      n = sizes.length
      sizes.push(0)
    }
    of[i] = n
    sizes[n]! += 1
  }
  const made = { of, sizes }
  notes.set(cards, made)
  return made
}

const notes = new WeakMap<object, { of: Int32Array; sizes: number[] }>()

function dealNewCards(
  cards: readonly { id: string; noteId: string; kind: string }[],
  order: NewCardOrder,
  gap: number
): string[] {
  if (order === 'date') return cards.map((c) => c.id)
  // Piles of card positions, one per kind in the order kinds first appear, each shuffled by hash.
  const kinds = new Map<string, number[]>()
  for (let i = 0; i < cards.length; i++) {
    const kind = cards[i]!.kind
    const pile = kinds.get(kind)
    if (pile) pile.push(i)
    else kinds.set(kind, [i])
  }
  let piles = [...kinds.values()].map((pile) => byHash(cards, pile))
  // One card of each kind in turn; a kind whose pile has run out drops from the turn.
  const dealt = new Int32Array(cards.length)
  let count = 0
  for (let round = 0; piles.length; round++) {
    for (const pile of piles) dealt[count++] = pile[round]!
    if (piles.some((pile) => pile.length === round + 1))
      piles = piles.filter((pile) => pile.length > round + 1)
  }
  // A card whose sibling came within the last `gap` cards waits, and goes first once it may.
  const { of: noteOf, sizes } = noteNumbers(cards)
  const lastAt = new Int32Array(sizes.length).fill(-gap)
  // Pushed, not preallocated: `new Array(n)` of 100,000 holes is a slow dictionary in V8.
  const out: string[] = []
  const held: number[] = []
  const place = (i: number) => {
    lastAt[noteOf[i]!] = out.length
    out.push(cards[i]!.id)
  }
  const fits = (i: number) => out.length - lastAt[noteOf[i]!]! >= gap
  for (const i of dealt) {
    if (held.length) {
      const ready = held.findIndex(fits)
      if (ready >= 0) place(held.splice(ready, 1)[0]!)
    }
    if (fits(i)) place(i)
    else held.push(i)
  }
  // What is still held back has no card left to go between: it comes last, in turn.
  for (const i of held) place(i)
  return out
}

/**
 * A kind's card positions in the order of their ids' stable hashes (ties by id). Each id is hashed
 * once, and hash and place are packed into one number (hash × 2²¹ + place, exact in a double), so
 * a native numeric sort orders 100,000 cards without calling a comparator millions of times.
 */
function byHash(cards: readonly { id: string }[], pile: readonly number[]): Int32Array {
  const PLACES = 2 ** 21
  if (pile.length >= PLACES) throw new RangeError('Too many cards of one kind to order')
  const keys = new Float64Array(pile.length)
  for (let j = 0; j < pile.length; j++) keys[j] = stableHash(cards[pile[j]!]!.id) * PLACES + j
  keys.sort()
  const sorted = new Int32Array(pile.length)
  const hashes = new Float64Array(pile.length)
  for (let j = 0; j < keys.length; j++) {
    const hash = Math.floor(keys[j]! / PLACES)
    hashes[j] = hash
    sorted[j] = pile[keys[j]! - hash * PLACES]!
  }
  // Equal hashes (rare) come in pack order: order those runs by id, as a comparator would.
  const idOf = (j: number) => cards[sorted[j]!]!.id
  for (let i = 1; i < sorted.length; i++) {
    for (let j = i; j > 0 && hashes[j] === hashes[j - 1] && idOf(j - 1) > idOf(j); j--) {
      const swap = sorted[j - 1]!
      sorted[j - 1] = sorted[j]!
      sorted[j] = swap
    }
  }
  return sorted
}

/** Groups card ids by note, so the siblings of a card (the others of its note) are one look-up. */
export function siblingIndex(
  cards: readonly { id: string; noteId: string }[]
): ReadonlyMap<string, readonly string[]> {
  // Made once per cards array, as the new-card order is: every session asks for the same one.
  const known = siblings.get(cards)
  if (known) return known
  // Only notes of two cards or more are listed: most cards are alone on their note.
  const { of: noteOf, sizes } = noteNumbers(cards)
  const lists: string[][] = []
  const byNote = new Map<string, string[]>()
  for (let i = 0; i < cards.length; i++) {
    const n = noteOf[i]!
    if (sizes[n]! < 2) continue
    let list = lists[n]
    if (!list) {
      list = lists[n] = []
      byNote.set(cards[i]!.noteId, list)
    }
    list.push(cards[i]!.id)
  }
  siblings.set(cards, byNote)
  return byNote
}

const siblings = new WeakMap<object, ReadonlyMap<string, readonly string[]>>()

/** Which siblings of an answered card to bury (Anki's "bury new/review siblings" options). */
export function siblingsToBury(
  rows: readonly (CardFlags & { id: string })[],
  options: { buryNew: boolean; buryReview: boolean },
  until: number
): string[] {
  return rows
    .filter(
      (row) =>
        !row.retired &&
        !row.suspended &&
        row.buriedUntil < until &&
        (row.state === 0 ? options.buryNew : options.buryReview)
    )
    .map((row) => row.id)
}
