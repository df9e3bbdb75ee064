/**
 * The one IndexedDB database of the app, through Dexie. Versions are only ever appended;
 * data changes go in `.upgrade()`. Opening never deletes anything: every failure becomes a message.
 */
import Dexie, { type DBCore, type Middleware, type Table } from 'dexie'
import { masteredUntil, type CardRow, type ReviewLogRow } from '../domain/card-state'
import type { CardEventRow } from '../domain/sync/lines'
import { backupInsideUpgrade } from './backup'
import { newId, syncJournal } from './sync/journal'

export const DATABASE_NAME = 'mexico-russia-study'

/** The schema version this app writes; a database of a higher version belongs to a newer app. */
export const SCHEMA_VERSION = 3

export interface SettingRow {
  key: string
  value: unknown
  /** When a synced setting was set, and on which device (the latest wins across devices). */
  at?: number
  device?: string
}

/**
 * The `syncMeta` key counting the syncs that added or removed review logs out of time order, so a
 * view that keeps totals of older logs knows to sum them again.
 */
export const LOGS_CHANGED = 'logsChanged'

/** Sync's own records on this installation (its device id, the folder, what was read): never backed up. */
export interface SyncMetaRow {
  key: string
  value: unknown
}

export type { CardRow, CardState, ReviewLogRow, ReviewMode } from '../domain/card-state'
/** An automatic or manual backup of all progress, kept inside the database (the last few only). */
export interface BackupRow {
  id?: number
  createdAt: number
  reason: string
  /**
   * The same JSON text an exported backup file holds: a Blob since backups carry their counts,
   * so listing them reads no text (a backup of 100,000 cards is some 25 MB); a string before.
   */
  data: string | Blob
  /** Cards, review-log rows and settings in it (older rows: read from the head of the text). */
  counts?: { cards: number; reviewLogs: number; settings: number }
}

export class StudyDatabase extends Dexie {
  settings!: Table<SettingRow, string>
  cards!: Table<CardRow, string>
  reviewLogs!: Table<ReviewLogRow, number>
  backups!: Table<BackupRow, number>
  cardEvents!: Table<CardEventRow, number>
  syncMeta!: Table<SyncMetaRow, string>
  /** This installation's random id, which names its files in a sync folder (set once open). */
  deviceId: string | undefined

  constructor(name = DATABASE_NAME) {
    super(name)
    this.version(1).stores({
      settings: 'key',
      cards: 'id, due, state, buriedUntil, [retired+suspended+state+due]',
      reviewLogs: '++id, cardId, reviewedAt',
      backups: '++id, createdAt'
    })
    // 2: `masteredUntil`, derived from the state and indexed, so mastery reads keys, not rows.
    this.version(2)
      .stores({
        cards: 'id, due, state, buriedUntil, masteredUntil, [retired+suspended+state+due]'
      })
      .upgrade(async (tx) => {
        await backupInsideUpgrade(tx, 1)
        await tx
          .table<CardRow, string>('cards')
          .toCollection()
          .modify((row) => {
            row.masteredUntil = masteredUntil(row)
          })
      })
    // 3: sync. Every review gets a global id and its device; card events (suspend, bury, undo)
    // are journaled; the flags already set become events, so other devices learn them too.
    this.version(3)
      .stores({
        reviewLogs: '++id, cardId, reviewedAt, &uid, [device+id]',
        cardEvents: '++seq, &uid, cardId, [device+seq]',
        syncMeta: 'key'
      })
      .upgrade(async (tx) => {
        await backupInsideUpgrade(tx, 2)
        const device = newId()
        const now = Date.now()
        await tx.table<SyncMetaRow, string>('syncMeta').put({ key: 'device', value: device })
        await tx
          .table<ReviewLogRow, number>('reviewLogs')
          .toCollection()
          .modify((row) => {
            row.uid ??= newId()
            row.device ??= device
          })
        const flagged = await tx
          .table<CardRow, string>('cards')
          .filter((row) => row.suspended === 1 || row.buriedUntil > now)
          .toArray()
        const events: CardEventRow[] = []
        for (const row of flagged) {
          const base = { cardId: row.id, at: now, device }
          if (row.suspended) events.push({ ...base, uid: newId(), kind: 'suspend' })
          if (row.buriedUntil > now) {
            events.push({ ...base, uid: newId(), kind: 'bury', until: row.buriedUntil })
          }
        }
        await tx.table<CardEventRow, number>('cardEvents').bulkAdd(events)
      })
    this.use(deriveMasteredUntil)
    this.use(syncJournal(() => this.deviceId))
    // The device id exists from the first open on (made here for a new database).
    this.on('ready', async () => {
      const row = await this.syncMeta.get('device')
      if (typeof row?.value === 'string') {
        this.deviceId = row.value
        return
      }
      const device = newId()
      await this.syncMeta.put({ key: 'device', value: device })
      this.deviceId = device
    })
  }
}

/**
 * Every write of a card row, however it is made (put, bulkPut, modify, an import), stores the
 * `masteredUntil` of the state written: one place keeps the derived field true.
 */
const deriveMasteredUntil: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'derive-mastered-until',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name)
      if (name !== 'cards') return table
      return {
        ...table,
        mutate: (request) =>
          table.mutate(
            request.type === 'add' || request.type === 'put'
              ? {
                  ...request,
                  values: request.values.map((row: CardRow) => ({
                    ...row,
                    masteredUntil: masteredUntil(row)
                  }))
                }
              : request
          )
      }
    }
  })
}

export type OpenFailure = 'newer' | 'blocked' | 'full' | 'unavailable'

export type OpenResult =
  | { ok: true; db: StudyDatabase }
  | { ok: false; failure: OpenFailure; message: string; detail: string }

const MESSAGES: Record<OpenFailure, string> = {
  newer:
    'Your study data was saved by a newer version of this app. Install that version (or newer) to open it. Nothing has been changed or deleted.',
  blocked:
    'Another window of this app holds an older copy of your study data open. Close the other windows, then reload. Nothing has been changed or deleted.',
  full: 'Your disk is full, so your study data cannot be opened. Free some space, then reload. Nothing has been deleted.',
  unavailable:
    'Your study data could not be opened: this browser or window does not allow local storage (a private window, or storage turned off). Nothing has been deleted.'
}

/** Names a storage error as one of the failures the user can act on. */
export function classifyStorageError(error: unknown): OpenFailure {
  const names: string[] = []
  let current: unknown = error
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { name?: string; inner?: unknown }
    if (e.name) names.push(e.name)
    current = e.inner
  }
  if (names.includes('VersionError')) return 'newer'
  if (names.includes('QuotaExceededError')) return 'full'
  if (names.includes('BlockedError')) return 'blocked'
  return 'unavailable'
}

/** A message for a failed write, saying what was kept. */
export function describeWriteError(error: unknown): string {
  return classifyStorageError(error) === 'full'
    ? 'Your disk is full: the last change was not saved. Everything saved before it is intact.'
    : `The last change could not be saved (${(error as Error)?.message ?? String(error)}). Everything saved before it is intact.`
}

let current: StudyDatabase | undefined

/**
 * Opens the database once. If an upgrade is blocked by another window, it says so instead of
 * waiting forever; it never deletes a database it cannot open.
 */
export async function openDatabase(
  name = DATABASE_NAME,
  blockedAfterMs = 3000
): Promise<OpenResult> {
  if (current) return { ok: true, db: current }
  // Look before opening: Dexie 4 would add its missing tables to a newer app's database (and
  // raise its version) before the check after opening could refuse it.
  const existing = await storedVersion(name)
  if (existing !== undefined && existing > SCHEMA_VERSION) return newerFailure(existing)
  const db = new StudyDatabase(name)
  // Another window upgrading us: let it, rather than block it; this window will reload.
  db.on('versionchange', () => {
    db.close()
    return false
  })
  // Dexie keeps waiting while an older window blocks the upgrade: tell the user after a grace period.
  const blocked = new Promise<'blocked'>((resolve) => {
    db.on('blocked', () => setTimeout(() => resolve('blocked'), blockedAfterMs))
  })
  try {
    const outcome = await Promise.race([db.open().then(() => 'open' as const), blocked])
    if (outcome === 'blocked') {
      return { ok: false, failure: 'blocked', message: MESSAGES.blocked, detail: 'upgrade blocked' }
    }
    // Dexie 4 opens a newer database as it is; this app must not write data it may misread.
    // (Dexie stores version n as native IndexedDB version n × 10.)
    const stored = db.backendDB().version / 10
    if (stored > SCHEMA_VERSION) {
      db.close()
      return newerFailure(stored)
    }
  } catch (error) {
    const failure = classifyStorageError(error)
    return { ok: false, failure, message: MESSAGES[failure], detail: String(error) }
  }
  current = db
  void requestPersistence()
  return { ok: true, db }
}

function newerFailure(stored: number): OpenResult {
  return {
    ok: false,
    failure: 'newer',
    message: MESSAGES.newer,
    detail: `database version ${stored}, this app writes version ${SCHEMA_VERSION}`
  }
}

/** The Dexie version of an existing database, read without opening it; undefined if unknown. */
async function storedVersion(name: string): Promise<number | undefined> {
  try {
    const found = (await indexedDB.databases()).find((info) => info.name === name)
    return found?.version === undefined ? undefined : found.version / 10
  } catch {
    return undefined
  }
}

/** The open database; only valid after `openDatabase` succeeded. */
export function database(): StudyDatabase {
  if (!current) throw new Error('The database is not open yet.')
  return current
}

/** Closes and forgets the open database (tests, and before a restore). */
export function closeDatabase(): void {
  current?.close()
  current = undefined
}

/** Asks the browser not to evict our data under storage pressure. */
async function requestPersistence(): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false
    if (await navigator.storage.persisted()) return true
    return await navigator.storage.persist()
  } catch {
    return false
  }
}
