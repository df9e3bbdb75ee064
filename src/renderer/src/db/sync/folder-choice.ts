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

/** Keeps the last sync's report. */
export async function saveLastSync(db: StudyDatabase, last: LastSync): Promise<void> {
  await db.syncMeta.put({ key: LAST, value: last })
}
