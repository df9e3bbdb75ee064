/**
 * The folder the student chose, kept in `syncMeta`: in a browser the directory handle itself
 * (IndexedDB can store it), in the desktop app only an id (the main process keeps the path).
 * Also the last sync's report, which the Sync panel reads live.
 */
import type { LineIssue } from '../../domain/sync/lines'
import type { StudyDatabase } from '../database'
import { newId } from './journal'

/** A chosen folder: its handle in a browser, none on the desktop. */
export interface FolderChoice {
  id: string
  label: string
  handle?: FileSystemDirectoryHandle
}

/** What the panel shows of the last sync. */
export interface LastSync {
  at: number
  /** When the counts below happened: the last sync that sent or received anything. */
  changedAt: number
  sent: number
  received: number
  settings: number
  devices: number
  /** The first few lines refused, and how many in all. */
  issues: LineIssue[]
  issueCount: number
}

const CHOICE = 'folder'
const LAST = 'last'

/** The folder chosen before, if any. */
export async function loadChoice(db: StudyDatabase): Promise<FolderChoice | undefined> {
  return (await db.syncMeta.get(CHOICE))?.value as FolderChoice | undefined
}

/** Keeps a newly chosen folder (a new id: sync with it starts afresh). */
export async function saveChoice(
  db: StudyDatabase,
  label: string,
  handle?: FileSystemDirectoryHandle
): Promise<FolderChoice> {
  const choice: FolderChoice = { id: newId(), label, ...(handle ? { handle } : {}) }
  await db.syncMeta.bulkDelete([CHOICE, LAST])
  await db.syncMeta.put({ key: CHOICE, value: choice })
  return choice
}

/** Forgets the folder (its files stay where they are). */
export async function forgetChoice(db: StudyDatabase): Promise<void> {
  await db.syncMeta.bulkDelete([CHOICE, LAST])
}

/** The last sync's report. */
export async function loadLastSync(db: StudyDatabase): Promise<LastSync | undefined> {
  return (await db.syncMeta.get(LAST))?.value as LastSync | undefined
}

/**
 * Keeps the last sync's report. A sync that moved nothing keeps the counts of the one before,
 * so the panel still says what the last exchange brought.
 */
export async function saveLastSync(
  db: StudyDatabase,
  report: Omit<LastSync, 'changedAt'>
): Promise<void> {
  await db.transaction('rw', db.syncMeta, async () => {
    const moved = report.sent + report.received + report.settings > 0
    const before = await loadLastSync(db)
    const value: LastSync =
      moved || !before
        ? { ...report, changedAt: report.at }
        : {
            ...report,
            sent: before.sent,
            received: before.received,
            settings: before.settings,
            changedAt: before.changedAt
          }
    await db.syncMeta.put({ key: LAST, value })
  })
}
