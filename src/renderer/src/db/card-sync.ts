/**
 * The card rows kept in step with the pack, in one transaction: new ids get a row placed in the
 * new-card order, ids no longer listed retire, retired ids listed again return, and when the
 * new-card order changed every new row is placed again. A sync that finds the rows as the last one
 * left them reads no row and no key.
 */
import { newCardState } from '../domain/scheduler'
import type { CardRow } from '../domain/card-state'
import type { NewCardPlacing } from '../domain/study-queue'
import { database, type StudyDatabase } from './database'

export interface SyncResult {
  added: number
  retired: number
  restored: number
  /** Cards in the pack, hence active after the sync. */
  total: number
}

/** The cards' compound index: active or retired, suspended, state, due (queries by range). */
export const STATE_INDEX = '[retired+suspended+state+due]'

/** The setting that records which set of card ids the rows were last brought in step with. */
export const SYNCED_SETTING = 'study.syncedCardIds'

/** The setting that records the name of the order the new rows were last placed in. */
const PLACING_SETTING = 'study.newOrderApplied'

/** What the last sync left: the fingerprint of its ids and how many rows the table then held. */
interface SyncMark {
  fingerprint: string
  rows: number
}

/**
 * A fingerprint of a set of ids, whatever their order (the new-card order changes the list, not
 * the set): its size and two order-free sums of FNV-1a hashes. Hashing 100,000 ids takes a few
 * milliseconds; reading their 100,000 stored keys takes far longer.
 */
export function idSetFingerprint(ids: readonly string[]): string {
  // A frozen list (the content's card ids, made once) always gives the same answer.
  const known = fingerprints.get(ids)
  if (known !== undefined) return known
  const fingerprint = hashIdSet(ids)
  if (Object.isFrozen(ids)) fingerprints.set(ids, fingerprint)
  return fingerprint
}

const fingerprints = new WeakMap<readonly string[], string>()

function hashIdSet(ids: readonly string[]): string {
  let sum = 0
  let mix = 0
  for (const id of ids) {
    let h = 0x811c9dc5
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193)
    sum = (sum + (h >>> 0)) % 0x100000000
    mix = (mix + Math.imul(h ^ (h >>> 15), 0x2c1b3c6d)) | 0
  }
  return `${ids.length}:${sum.toString(36)}:${(mix >>> 0).toString(36)}`
}

const keysIn = (db: StudyDatabase, from: number[], to: number[]) =>
  db.cards.where(STATE_INDEX).between(from, to).primaryKeys() as Promise<string[]>

/**
 * Brings the card rows in step with a list of card ids. New rows are due `now + rank`, so they
 * come in the order `placing` deals them (without it, `now + i` for the list's i-th id, the same
 * on every device that syncs the same list at the same time). Only the ids that need a place are
 * dealt: the new ones, and every new row when the order's name is not the saved one (at 100,000
 * cards the deal of all of them was the slow part of a start).
 * When the ids are the set of the last sync and the table holds as many rows as it left, nothing
 * can differ (rows are only removed by a restore, which brings its own mark): no row is read.
 */
export async function syncCardIds(
  ids: readonly string[],
  now = Date.now(),
  db: StudyDatabase = database(),
  placing?: NewCardPlacing
): Promise<SyncResult> {
  return db.transaction('rw', db.cards, db.settings, async () => {
    const reads = Promise.all([
      db.settings.get(SYNCED_SETTING),
      placing ? db.settings.get(PLACING_SETTING) : undefined,
      db.cards.count()
    ])
    // Hashed while the reads are under way.
    const fingerprint = idSetFingerprint(ids)
    const [markRow, placedRow, rows] = await reads
    const mark = markRow?.value as Partial<SyncMark> | undefined
    const inStep = mark?.fingerprint === fingerprint && mark.rows === rows
    const replace = placing !== undefined && placedRow?.value !== placing.name
    if (inStep && !replace) return { added: 0, retired: 0, restored: 0, total: ids.length }
    const [existing, retiredIds, newRows] = await Promise.all([
      inStep ? [] : (db.cards.toCollection().primaryKeys() as Promise<string[]>),
      inStep
        ? []
        : keysIn(db, [1, -Infinity, -Infinity, -Infinity], [1, Infinity, Infinity, Infinity]),
      // New rows, active or retired (a retired one listed again returns and is placed with them).
      replace
        ? Promise.all([
            keysIn(db, [0, 0, 0, -Infinity], [0, 0, 0, Infinity]),
            keysIn(db, [1, 0, 0, -Infinity], [1, 0, 0, Infinity])
          ]).then(([active, retired]) => [...active, ...retired])
        : []
    ])
    const wanted = new Set(ids)
    const stored = new Set(existing)
    const retired = new Set(retiredIds)
    // The ids with no row, and where the list has them (their place when no placing is given).
    const fresh: string[] = []
    const listedAt: number[] = []
    if (!inStep) {
      ids.forEach((id, i) => {
        if (stored.has(id)) return
        fresh.push(id)
        listedAt.push(i)
      })
    }
    const toRetire = existing.filter((id) => !wanted.has(id) && !retired.has(id))
    const toRestore = retiredIds.filter((id) => wanted.has(id))
    const toPlace = [...newRows.filter((id) => wanted.has(id)), ...fresh]
    const rank =
      placing && toPlace.length ? new Map(placing.deal(toPlace).map((id, r) => [id, r])) : undefined
    const dueOf = (id: string, listed: number) =>
      now + (rank ? (rank.get(id) ?? toPlace.length) : listed)
    if (toRetire.length) await db.cards.where(':id').anyOf(toRetire).modify({ retired: 1 })
    if (toRestore.length) await db.cards.where(':id').anyOf(toRestore).modify({ retired: 0 })
    if (replace && newRows.length) {
      await db.cards
        .where(STATE_INDEX)
        .between([0, 0, 0, -Infinity], [0, 0, 0, Infinity])
        .modify((row) => {
          row.due = dueOf(row.id, toPlace.length)
        })
    }
    if (fresh.length) {
      await db.cards.bulkAdd(
        fresh.map((id, i): CardRow => ({
          id,
          ...newCardState(dueOf(id, listedAt[i]!)),
          suspended: 0,
          buriedUntil: 0,
          retired: 0,
          masteredUntil: 0
        }))
      )
    }
    const synced: SyncMark = { fingerprint, rows: rows + fresh.length }
    await Promise.all([
      db.settings.put({ key: SYNCED_SETTING, value: synced }),
      replace ? db.settings.put({ key: PLACING_SETTING, value: placing.name }) : undefined
    ])
    return {
      added: fresh.length,
      retired: toRetire.length,
      restored: toRestore.length,
      total: wanted.size
    }
  })
}
