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

function dealNewCards(
  cards: readonly { id: string; noteId: string; kind: string }[],
  order: NewCardOrder,
  gap: number
): string[] {
  if (order === 'date') return cards.map((c) => c.id)
  const byKind = new Map<string, (typeof cards)[number][]>()
  for (const card of cards) {
    const list = byKind.get(card.kind) ?? []
    list.push(card)
    byKind.set(card.kind, list)
  }
  const piles = [...byKind.values()].map(byHash)
  const dealt: (typeof cards)[number][] = []
  for (let round = 0; dealt.length < cards.length; round++) {
    for (const pile of piles) if (pile[round]) dealt.push(pile[round]!)
  }
  const out: string[] = []
  const lastAt = new Map<string, number>()
  const held: (typeof cards)[number][] = []
  const place = (card: (typeof cards)[number]) => {
    lastAt.set(card.noteId, out.length)
    out.push(card.id)
  }
  const fits = (card: (typeof cards)[number]) => {
    const at = lastAt.get(card.noteId)
    return at === undefined || out.length - at >= gap
  }
  for (const card of dealt) {
    const ready = held.findIndex(fits)
    if (ready >= 0) place(held.splice(ready, 1)[0]!)
    if (fits(card)) place(card)
    else held.push(card)
  }
  // What is still held back has no card left to go between: it comes last, in turn.
  for (const card of held) place(card)
  return out
}

/**
 * A kind's cards in the order of their ids' stable hashes (ties by id). Each id is hashed once,
 * and hash and place are packed into one number (hash × 2²¹ + place, exact in a double), so a
 * native numeric sort orders 100,000 cards without calling a comparator millions of times.
 */
function byHash<T extends { id: string }>(list: readonly T[]): T[] {
  const PLACES = 2 ** 21
  if (list.length >= PLACES) throw new RangeError('Too many cards of one kind to order')
  const keys = new Float64Array(list.length)
  list.forEach((card, i) => (keys[i] = stableHash(card.id) * PLACES + i))
  keys.sort()
  const sorted = Array.from(keys, (key) => list[key % PLACES]!)
  // Equal hashes (rare) come in list order: order those runs by id, as a comparator would.
  for (let i = 1; i < sorted.length; i++) {
    if (Math.floor(keys[i]! / PLACES) !== Math.floor(keys[i - 1]! / PLACES)) continue
    let j = i
    while (j > 0 && Math.floor(keys[j]! / PLACES) === Math.floor(keys[j - 1]! / PLACES)) {
      if (sorted[j - 1]!.id <= sorted[j]!.id) break
      ;[sorted[j - 1], sorted[j]] = [sorted[j]!, sorted[j - 1]!]
      j--
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
  const byNote = new Map<string, string[]>()
  for (const card of cards) {
    const list = byNote.get(card.noteId) ?? []
    list.push(card.id)
    byNote.set(card.noteId, list)
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
