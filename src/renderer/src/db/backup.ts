/**
 * Backups of all progress (card states, review logs, card events, settings) as one versioned JSON
 * file, and their import. A file is validated completely before anything is written; an import is one
 * transaction, preceded by an automatic backup kept in the database (the last few only).
 */
import * as v from 'valibot'
import type { Table, Transaction } from 'dexie'
import {
  EpochMs,
  ReviewLogSchema,
  StoredCardSchema,
  toCardRow,
  toStoredCard,
  type CardRow,
  type ReviewLogRow,
  type StoredCard
} from '../domain/card-state'
import { EVENT_KINDS, SyncId, type CardEventRow } from '../domain/sync/lines'
import { markImport, newId } from './sync/journal'
import { forgetReadMarks } from './sync/sync-state'
import { SCHEMA_VERSION, type BackupRow, type SettingRow, type StudyDatabase } from './database'

export const BACKUP_FORMAT = 'mexico-russia-study/backup'
export const BACKUP_VERSION = 1
/** Automatic backups kept in the database; older ones are deleted. */
export const KEEP_BACKUPS = 5

const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev'

const Count = v.pipe(v.number(), v.integer(), v.minValue(0))

const SettingRowSchema = v.strictObject({
  key: v.pipe(v.string(), v.minLength(1)),
  value: v.unknown(),
  // Since sync (format 1 still): when a synced setting was set, and where.
  at: v.optional(EpochMs),
  device: v.optional(v.string())
})

/** A card event (suspend, bury, undo, reset) as sync journals it; backups before sync lack them. */
const CardEventRowSchema = v.strictObject({
  seq: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  uid: SyncId,
  cardId: v.pipe(v.string(), v.minLength(1)),
  kind: v.picklist(EVENT_KINDS),
  at: EpochMs,
  device: SyncId,
  until: v.optional(EpochMs),
  review: v.optional(SyncId)
})

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: EpochMs,
  app: v.object({ version: v.string(), schemaVersion: v.pipe(v.number(), v.integer()) }),
  // `cardEvents` since sync (format 1 still: an older backup without them restores too).
  counts: v.strictObject({
    cards: Count,
    reviewLogs: Count,
    settings: Count,
    cardEvents: v.optional(Count)
  }),
  data: v.strictObject({
    cards: v.array(StoredCardSchema),
    reviewLogs: v.array(ReviewLogSchema),
    settings: v.array(SettingRowSchema),
    cardEvents: v.optional(v.array(CardEventRowSchema))
  })
})

export interface BackupFile {
  format: typeof BACKUP_FORMAT
  version: typeof BACKUP_VERSION
  exportedAt: number
  app: { version: string; schemaVersion: number }
  counts: { cards: number; reviewLogs: number; settings: number; cardEvents?: number }
  data: {
    cards: StoredCard[]
    reviewLogs: ReviewLogRow[]
    settings: SettingRow[]
    cardEvents?: CardEventRow[]
  }
}

export type ParseResult = { ok: true; backup: BackupFile } | { ok: false; message: string }

const KEPT = 'Your data has not been changed.'

/** Builds a backup object from rows. */
export function makeBackup(
  data: BackupFile['data'],
  exportedAt: number,
  schemaVersion = SCHEMA_VERSION
): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    app: { version: APP_VERSION, schemaVersion },
    counts: {
      cards: data.cards.length,
      reviewLogs: data.reviewLogs.length,
      settings: data.settings.length,
      ...(data.cardEvents ? { cardEvents: data.cardEvents.length } : {})
    },
    data
  }
}

/** Every table that defines progress (not backups; not `syncMeta`, which belongs to this installation). */
const progressTables = (db: StudyDatabase) => [db.cards, db.reviewLogs, db.cardEvents, db.settings]

/** All progress as backup data; inside the caller's transaction on `progressTables`. */
async function readProgress(db: StudyDatabase): Promise<BackupFile['data']> {
  const [cards, reviewLogs, cardEvents, settings] = await Promise.all([
    db.cards.toArray(),
    db.reviewLogs.toArray(),
    db.cardEvents.toArray(),
    db.settings.toArray()
  ])
  return { cards: cards.map(toStoredCard), reviewLogs, settings, cardEvents }
}

/** Reads all progress (backups excluded) in one read transaction. */
export async function exportBackup(db: StudyDatabase, now = Date.now()): Promise<BackupFile> {
  return db.transaction('r', progressTables(db), async () =>
    makeBackup(await readProgress(db), now)
  )
}

/** The file name of an exported backup, with its local date. */
export function backupFileName(now = Date.now()): string {
  const d = new Date(now)
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  return `mexico-russia-study-backup-${date}.json`
}

function firstIssue(issues: v.BaseIssue<unknown>[]): string {
  const issue = issues[0]
  if (!issue) return 'unknown problem'
  const path = v.getDotPath(issue)
  return path ? `${path}: ${issue.message}` : issue.message
}

/**
 * Validates a backup file's text completely: JSON, format, version, every row, the counts, and
 * that ids are unique. Never throws.
 */
export function parseBackup(text: string): ParseResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    const looksCut = /^\s*\{/.test(text)
    return {
      ok: false,
      message: looksCut
        ? `This backup file is incomplete or damaged (it is not valid JSON; it may have been cut short). ${KEPT}`
        : `This is not a backup of this app (it is not a JSON file). ${KEPT}`
    }
  }
  const head = json as { format?: unknown; version?: unknown } | null
  if (typeof head !== 'object' || head === null || head.format !== BACKUP_FORMAT) {
    return { ok: false, message: `This is not a backup of this app. ${KEPT}` }
  }
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    return {
      ok: false,
      message: `This backup was made by a newer version of this app (backup format ${head.version}). Install that version to restore it. ${KEPT}`
    }
  }
  const parsed = v.safeParse(BackupSchema, json)
  if (!parsed.success) {
    return {
      ok: false,
      message: `This backup file is damaged (${firstIssue(parsed.issues)}). ${KEPT}`
    }
  }
  const backup = parsed.output as BackupFile
  const { counts, data } = backup
  if (
    counts.cards !== data.cards.length ||
    counts.reviewLogs !== data.reviewLogs.length ||
    counts.settings !== data.settings.length ||
    (counts.cardEvents ?? 0) !== (data.cardEvents?.length ?? 0)
  ) {
    return {
      ok: false,
      message: `This backup file is incomplete: it announces ${counts.cards} cards, ${counts.reviewLogs} reviews and ${counts.settings} settings but holds ${data.cards.length}, ${data.reviewLogs.length} and ${data.settings.length}. ${KEPT}`
    }
  }
  const duplicate =
    findDuplicate(
      data.cards.map((c) => c.id),
      'card'
    ) ??
    findDuplicate(
      data.reviewLogs.map((l) => String(l.id)),
      'review'
    ) ??
    findDuplicate(
      data.settings.map((s) => s.key),
      'setting'
    ) ??
    findDuplicate(
      data.reviewLogs.flatMap((l) => (l.uid ? [l.uid] : [])),
      'review id'
    ) ??
    findDuplicate(
      (data.cardEvents ?? []).map((e) => e.uid),
      'card event'
    )
  if (duplicate)
    return { ok: false, message: `This backup file is damaged (${duplicate}). ${KEPT}` }
  return { ok: true, backup }
}

function findDuplicate(ids: string[], what: string): string | undefined {
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) return `${what} “${id}” appears twice`
    seen.add(id)
  }
  return undefined
}

/** Deletes all but the newest `KEEP_BACKUPS` automatic backups (inside the caller's transaction). */
async function prune(backups: Table<BackupRow, number>): Promise<void> {
  const keys = await backups.orderBy('createdAt').primaryKeys()
  const excess = keys.length - KEEP_BACKUPS
  if (excess > 0) await backups.bulkDelete(keys.slice(0, excess))
}

/** Adds an automatic backup of the current data; to be called inside a transaction on all tables. */
async function keepBackupOf(db: StudyDatabase, reason: string, now: number): Promise<number> {
  return addBackup(db, reason, now, await readProgress(db))
}

/** Stores data read before as an automatic backup, and prunes the oldest. */
async function addBackup(
  db: StudyDatabase,
  reason: string,
  now: number,
  data: BackupFile['data']
): Promise<number> {
  const id = await db.backups.add(keptRow(reason, now, makeBackup(data, now)))
  await prune(db.backups)
  return id
}

/**
 * Keeps an automatic backup of the data as it is now (sync takes one before its first import):
 * read in one transaction, stored in another, so no table is held while the text is made.
 */
export async function takeAutomaticBackup(
  db: StudyDatabase,
  reason: string,
  now = Date.now()
): Promise<number> {
  const data = await db.transaction('r', progressTables(db), () => readProgress(db))
  return db.transaction('rw', db.backups, () => addBackup(db, reason, now, data))
}

export type ImportResult =
  { ok: true; counts: BackupFile['counts']; backupId: number } | { ok: false; message: string }

/**
 * Replaces all progress with a backup's, in one transaction: an automatic backup of the current
 * data first, then clear and write. A file that does not validate writes nothing.
 */
export async function importBackup(
  db: StudyDatabase,
  text: string,
  reason = 'Before an import',
  now = Date.now()
): Promise<ImportResult> {
  const parsed = parseBackup(text)
  if (!parsed.ok) return parsed
  const { data, counts, exportedAt } = parsed.backup
  const backupId = await db.transaction('rw', [...progressTables(db), db.backups], async (tx) => {
    // What the backup holds is written as it is: no card event is journaled for it.
    markImport(tx)
    const id = await keepBackupOf(db, reason, now)
    const known = new Map((await db.reviewLogs.toArray()).map((l) => [sameReview(l), l]))
    await Promise.all(progressTables(db).map((table) => table.clear()))
    const cards = data.cards.map(toCardRow)
    await db.cards.bulkPut(cards)
    await db.reviewLogs.bulkPut(data.reviewLogs.map((log) => withKnownId(log, known)))
    // With their local order (`seq`): those this device sent already are not sent again.
    await db.cardEvents.bulkAdd(data.cardEvents ?? eventsOfFlags(cards, exportedAt, db.deviceId))
    await db.settings.bulkPut(data.settings)
    return id
  })
  // With a sync folder, what it holds and the backup lacks comes back at the next sync.
  await forgetReadMarks(db)
  return { ok: true, counts, backupId }
}

/** What makes two log rows the same answer, for rows older than sync's review ids. */
const sameReview = (log: ReviewLogRow) => `${log.cardId}\u0000${log.reviewedAt}\u0000${log.rating}`

/**
 * A log row of a backup made before sync gets the id the same answer has here, so other devices
 * that know it by that id do not count it twice; an answer unknown here gets a new id on write.
 */
function withKnownId(log: ReviewLogRow, known: Map<string, ReviewLogRow>): ReviewLogRow {
  if (log.uid) return log
  const same = known.get(sameReview(log))
  return same?.uid ? { ...log, uid: same.uid, device: same.device } : log
}

/**
 * A backup made before sync has no card events: its flags become events as of the backup's time
 * (as the schema upgrade made them), so a later replay keeps them and a later change elsewhere
 * still wins.
 */
function eventsOfFlags(cards: CardRow[], at: number, device: string | undefined): CardEventRow[] {
  if (!device) return []
  const events: CardEventRow[] = []
  for (const row of cards) {
    const base = { cardId: row.id, at, device }
    if (row.suspended) events.push({ ...base, uid: newId(), kind: 'suspend' })
    if (row.buriedUntil > at) {
      events.push({ ...base, uid: newId(), kind: 'bury', until: row.buriedUntil })
    }
  }
  return events
}

const CountsSchema = v.object({ cards: Count, reviewLogs: Count, settings: Count })

/**
 * A kept backup's counts, read from the head of its text (written before the rows), so listing
 * backups of 100,000 cards never parses their rows; undefined when the text is not a backup.
 */
export function backupCounts(text: string): BackupFile['counts'] | undefined {
  const head = /^\{"format":"[^"]*","version":\d+,.{0,400}?"counts":(\{[^{}]*\})/.exec(
    text.slice(0, 600)
  )
  try {
    const parsed = v.safeParse(CountsSchema, JSON.parse(head?.[1] ?? 'null'))
    return parsed.success ? parsed.output : undefined
  } catch {
    return undefined
  }
}

/** A backup as the database keeps it: its text as a Blob, its counts beside it. */
function keptRow(reason: string, now: number, file: BackupFile): BackupRow {
  const data = new Blob([JSON.stringify(file)], { type: 'application/json' })
  return { createdAt: now, reason, data, counts: file.counts }
}

/** A kept backup's text (a Blob read on demand; a string in backups made before). */
export async function backupText(row: BackupRow): Promise<string> {
  return typeof row.data === 'string' ? row.data : row.data.text()
}

/** A kept backup's counts without reading its text (older rows: from the head of the text). */
export function keptCounts(row: BackupRow): BackupFile['counts'] | undefined {
  return row.counts ?? (typeof row.data === 'string' ? backupCounts(row.data) : undefined)
}

/** The automatic backups, newest first. */
export async function listBackups(db: StudyDatabase): Promise<BackupRow[]> {
  return (await db.backups.orderBy('createdAt').toArray()).reverse()
}

/** Restores an automatic backup (validated like a file; the current data is backed up first). */
export async function restoreBackup(
  db: StudyDatabase,
  id: number,
  now = Date.now()
): Promise<ImportResult> {
  const row = await db.backups.get(id)
  if (!row) return { ok: false, message: `That backup no longer exists. ${KEPT}` }
  return importBackup(db, await backupText(row), 'Before restoring a backup', now)
}

/**
 * Keeps an automatic backup of the data as it was before a schema upgrade. Call it first in every
 * future `version(n).upgrade(tx => backupInsideUpgrade(tx, …))`: it reads and writes through the
 * upgrade transaction, so the backup and the upgrade succeed or fail together.
 */
export async function backupInsideUpgrade(
  tx: Transaction,
  fromVersion: number,
  now = Date.now()
): Promise<void> {
  const backup = makeBackup(
    {
      cards: ((await tx.table('cards').toArray()) as CardRow[]).map(toStoredCard),
      reviewLogs: (await tx.table('reviewLogs').toArray()) as ReviewLogRow[],
      settings: (await tx.table('settings').toArray()) as SettingRow[],
      // Card events exist from version 3 on.
      ...(fromVersion >= 3
        ? { cardEvents: (await tx.table('cardEvents').toArray()) as CardEventRow[] }
        : {})
    },
    now,
    fromVersion
  )
  const backups = tx.table<BackupRow, number>('backups')
  await backups.add(keptRow(`Before upgrading the data from version ${fromVersion}`, now, backup))
  await prune(backups)
}
