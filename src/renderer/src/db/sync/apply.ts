/**
 * Applying what other devices did: their reviews and card events are added once each (by id),
 * and every card they touch is rebuilt by replaying all its events, from every device, through
 * the scheduler. Cards go in batches, each batch one transaction, with a pause between batches so
 * the page stays responsive during a large first sync; the views hear of it once, at its end.
 * Settings: the latest time wins.
 */
import Dexie, { RangeSet, type ObservabilitySet, type Transaction } from 'dexie'
import { sameState, type CardRow, type ReviewLogRow } from '../../domain/card-state'
import {
  eventRow,
  validSetting,
  type CardEventRow,
  type EventLine,
  type ReviewLine,
  type SettingsFile
} from '../../domain/sync/lines'
import { byTimeThenId, replayCard, type ReplayReview } from '../../domain/sync/replay'
import { LOGS_CHANGED, type StudyDatabase } from '../database'
import { markImport } from './journal'

/** How much of what was received was new. */
export interface Applied {
  reviews: number
  events: number
  settings: number
  /** Cards rebuilt by replay. */
  cards: number
}

export interface ApplyOptions {
  /** Cards per transaction (by default 2,000). */
  batchCards?: number
  /** Called between batches (yields to the page by default). */
  pause?: () => Promise<void>
}

interface News {
  reviews: ReviewLine[]
  events: EventLine[]
  /** Listed because its reviews were waiting for the card to exist. */
  pending: boolean
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

const asReplay = (log: ReviewLogRow): ReplayReview => ({
  uid: log.uid!,
  at: log.reviewedAt,
  rating: log.rating,
  retention: log.retention,
  ...(log.scheduled === false ? { scheduled: false as const } : {})
})

/**
 * Adds the reviews and events not seen before and rebuilds their cards. `pending` (cards with
 * reviews from elsewhere that this pack does not know) is updated in place: those whose card now
 * exists are rebuilt and leave it.
 */
export async function applyLines(
  db: StudyDatabase,
  reviews: readonly ReviewLine[],
  events: readonly EventLine[],
  pending: string[],
  options: ApplyOptions = {}
): Promise<Applied> {
  const byCard = new Map<string, News>()
  const news = (card: string) => {
    let entry = byCard.get(card)
    if (!entry) byCard.set(card, (entry = { reviews: [], events: [], pending: false }))
    return entry
  }
  // A line read twice (a file and its conflict copy) counts once.
  for (const line of new Map(reviews.map((r) => [r.id, r])).values())
    news(line.card).reviews.push(line)
  for (const line of new Map(events.map((e) => [e.id, e])).values())
    news(line.card).events.push(line)
  for (const card of pending) news(card).pending = true

  const applied: Applied = { reviews: 0, events: 0, settings: 0, cards: 0 }
  const stillPending = new Set<string>()
  const ids = [...byCard.keys()]
  // Short transactions, so an answer given meanwhile waits little: the open views are told of
  // the changes once, at the end (carryChanges), so more batches cost them nothing.
  const size = options.batchCards ?? 2000
  let logsChanged = false
  const carried = new Set<string>()
  try {
    await applyInBatches()
  } finally {
    // Once, after the last batch (or the one that failed): every table and index a batch changed,
    // whole (tens of thousands of keys would make a large message and slow checks in each view).
    if (carried.size) {
      const whole: ObservabilitySet = {}
      for (const part of carried) whole[part] = new RangeSet(Dexie.minKey, Dexie.maxKey)
      Dexie.on.storagemutated.fire(whole)
    }
  }
  pending.splice(0, pending.length, ...stillPending)
  return applied

  async function applyInBatches(): Promise<void> {
    for (let start = 0; start < ids.length; start += size) {
      if (start > 0) await (options.pause ?? yieldToPage)()
      const batch = ids.slice(start, start + size)
      const last = start + size >= ids.length
      await db.transaction(
        'rw',
        [db.cards, db.reviewLogs, db.cardEvents, db.syncMeta],
        async (tx) => {
          markImport(tx)
          if (await applyBatch(db, batch, byCard, applied, stillPending)) logsChanged = true
          // Once per sync, with its last batch: views that keep totals of older logs sum them
          // again once (not after every batch), and the commit itself makes them read again.
          if (last && logsChanged) {
            const changed = (await db.syncMeta.get(LOGS_CHANGED))?.value
            await db.syncMeta.put({ key: LOGS_CHANGED, value: (Number(changed) || 0) + 1 })
          }
          carryChanges(tx, carried)
        }
      )
    }
  }
}

/**
 * Dexie tells the live queries of every window what a transaction changed when it commits (from
 * the sync worker, through a BroadcastChannel). A batch's changes are carried to the end of the
 * import instead, so the open views read again once per import, not once per batch.
 */
function carryChanges(tx: Transaction, carried: Set<string>): void {
  const idb = tx.idbtrans as unknown as { mutatedParts?: ObservabilitySet }
  if (!idb.mutatedParts) return
  for (const part of Object.keys(idb.mutatedParts)) carried.add(part)
  delete idb.mutatedParts
}

async function applyBatch(
  db: StudyDatabase,
  batch: string[],
  byCard: Map<string, News>,
  applied: Applied,
  stillPending: Set<string>
): Promise<boolean> {
  const [rows, logs, events] = await Promise.all([
    db.cards.bulkGet(batch),
    db.reviewLogs.where('cardId').anyOf(batch).toArray(),
    db.cardEvents.where('cardId').anyOf(batch).toArray()
  ])
  const logsOf = group(logs, (l) => l.cardId)
  const eventsOf = group(events, (e) => e.cardId)
  // Ids already here under another card (a hostile or broken line) are not added twice.
  const candidateReviews: string[] = []
  const candidateEvents: string[] = []
  const haveLog = new Set(logs.map((l) => l.uid))
  const haveEvent = new Set(events.map((e) => e.uid))
  for (const card of batch) {
    for (const r of byCard.get(card)!.reviews) if (!haveLog.has(r.id)) candidateReviews.push(r.id)
    for (const e of byCard.get(card)!.events) if (!haveEvent.has(e.id)) candidateEvents.push(e.id)
  }
  const [takenReviews, takenEvents] = await Promise.all([
    candidateReviews.length
      ? db.reviewLogs.where('uid').anyOf(candidateReviews).keys()
      : Promise.resolve([]),
    candidateEvents.length
      ? db.cardEvents.where('uid').anyOf(candidateEvents).keys()
      : Promise.resolve([])
  ])
  for (const id of takenReviews) haveLog.add(String(id))
  for (const id of takenEvents) haveEvent.add(String(id))

  const addLogs: ReviewLogRow[] = []
  const putLogs: ReviewLogRow[] = []
  const deleteLogs: number[] = []
  const addEvents: CardEventRow[] = []
  const putCards: CardRow[] = []
  batch.forEach((card, i) => {
    const row = rows[i]
    const fresh = byCard.get(card)!
    const oldLogs = (logsOf.get(card) ?? []).sort((a, b) => byTimeThenId(asReplay(a), asReplay(b)))
    const newReviews = fresh.reviews.filter((r) => !haveLog.has(r.id))
    const newEvents = fresh.events.filter((e) => !haveEvent.has(e.id)).map(eventRow)
    if (!row) {
      if (oldLogs.length || newReviews.length) stillPending.add(card)
    } else if (!newReviews.length && !newEvents.length && !fresh.pending) {
      return
    }
    const allEvents = [...(eventsOf.get(card) ?? []), ...newEvents]
    const newDue = row && row.state === 0 ? row.due : (oldLogs[0]?.before.due ?? row?.due ?? 0)
    const replayed = replayCard(
      newDue,
      [
        ...oldLogs.map(asReplay),
        ...newReviews.map((r) => ({
          uid: r.id,
          at: r.at,
          rating: r.rating,
          retention: r.retention,
          ...(r.scheduled === false ? { scheduled: false as const } : {})
        }))
      ],
      allEvents
    )
    for (const log of oldLogs) {
      const before = replayed.befores.get(log.uid!)
      if (!before) deleteLogs.push(log.id!)
      else if (!sameState(before, log.before)) putLogs.push({ ...log, before })
    }
    for (const r of newReviews) {
      const before = replayed.befores.get(r.id)
      if (!before) continue // undone already
      addLogs.push({
        cardId: card,
        rating: r.rating,
        reviewedAt: r.at,
        durationMs: r.ms,
        mode: r.mode,
        retention: r.retention,
        before,
        uid: r.id,
        device: r.device,
        ...(r.scheduled === false ? { scheduled: false as const } : {})
      })
    }
    addEvents.push(...newEvents)
    applied.reviews += newReviews.filter((r) => replayed.befores.has(r.id)).length
    applied.events += newEvents.length
    if (row) {
      putCards.push({
        ...row,
        ...replayed.state,
        suspended: replayed.suspended,
        buriedUntil: replayed.buriedUntil
      })
      applied.cards++
    }
  })
  await Promise.all([
    addLogs.length ? db.reviewLogs.bulkAdd(addLogs) : undefined,
    putLogs.length ? db.reviewLogs.bulkPut(putLogs) : undefined,
    deleteLogs.length ? db.reviewLogs.bulkDelete(deleteLogs) : undefined,
    addEvents.length ? db.cardEvents.bulkAdd(addEvents) : undefined,
    putCards.length ? db.cards.bulkPut(putCards) : undefined
  ])
  return addLogs.length > 0 || deleteLogs.length > 0
}

function group<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    const list = out.get(k)
    if (list) list.push(row)
    else out.set(k, [row])
  }
  return out
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Takes the settings of other devices that were set later than this device's (per setting; a tie
 * goes to the larger device id, so every device picks the same). Returns how many changed.
 */
export async function applySettings(
  db: StudyDatabase,
  files: readonly SettingsFile[]
): Promise<number> {
  if (!files.length) return 0
  return db.transaction('rw', db.settings, async () => {
    let changed = 0
    for (const file of files) {
      for (const [key, entry] of Object.entries(file.settings)) {
        if (!validSetting(key, entry.value)) continue
        const local = await db.settings.get(key)
        const newer =
          !local ||
          local.at === undefined ||
          entry.at > local.at ||
          (entry.at === local.at && file.device > (local.device ?? ''))
        if (!newer || (local && sameJson(local.value, entry.value) && local.at === entry.at))
          continue
        await db.settings.put({ key, value: entry.value, at: entry.at, device: file.device })
        changed++
      }
    }
    return changed
  })
}
