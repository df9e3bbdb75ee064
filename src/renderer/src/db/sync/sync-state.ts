/**
 * What this installation remembers about its sync folder, in `syncMeta` (never in a backup, so a
 * backup restored on another computer cannot make two devices write the same files).
 */
import { SYNCED_SETTINGS } from '../../domain/sync/lines'
import type { StudyDatabase } from '../database'

/** How far a file of another device has been read. */
export interface FileMark {
  bytes: number
  lines: number
  modified: number
  /** The last line read (with its newline): still there next time, the file only grew. */
  tail?: string
}

/** The progress of sync with one folder. */
export interface SyncState {
  /** The folder this state belongs to (choosing another folder starts afresh). */
  folder: string
  /** This device's review-log rows up to this local id are in the folder (others' are never sent). */
  sentLogId: number
  /** This device's card events up to this local sequence number are in the folder. */
  sentSeq: number
  /** The settings file as last written. */
  settingsSent: string
  /** Other devices' files, by path, as far as they have been read. */
  files: Record<string, FileMark>
  /** Cards with reviews from elsewhere that this pack does not know yet. */
  pending: string[]
  /** Whether other devices' data was met here before (the first time, a backup is taken). */
  othersSeen: boolean
}

const STATE_KEY = 'state'
/**
 * The `syncMeta` key counting the times the read marks were forgotten: part of what the page
 * watches of this device's changes, so a sync after a restore never goes on from kept marks.
 */
export const MARKS_EPOCH = 'marksEpoch'

/** The state for a folder: the saved one, or a fresh one for a folder never synced with. */
export async function loadState(db: StudyDatabase, folder: string): Promise<SyncState> {
  const saved = (await db.syncMeta.get(STATE_KEY))?.value as SyncState | undefined
  if (saved?.folder === folder) return saved
  return {
    folder,
    sentLogId: 0,
    sentSeq: 0,
    settingsSent: '',
    files: {},
    pending: [],
    othersSeen: false
  }
}

/** Saves the state. */
export async function saveState(db: StudyDatabase, state: SyncState): Promise<void> {
  await db.syncMeta.put({ key: STATE_KEY, value: state })
}

/**
 * Makes the next sync read every file again from its start (after a restore replaced the data:
 * what the folder holds comes back, each line once, by its id).
 */
export async function forgetReadMarks(db: StudyDatabase): Promise<void> {
  await db.transaction('rw', db.syncMeta, async () => {
    const saved = (await db.syncMeta.get(STATE_KEY))?.value as SyncState | undefined
    if (saved) await saveState(db, { ...saved, files: {}, othersSeen: saved.othersSeen })
    const epoch = Number((await db.syncMeta.get(MARKS_EPOCH))?.value) || 0
    await db.syncMeta.put({ key: MARKS_EPOCH, value: epoch + 1 })
  })
}

/**
 * What the page watches of this device's own changes: the newest log and card event, the synced
 * settings, and the epoch of the read marks (a restore forgets them). Unchanged since the last
 * sync, the next one has nothing of this device's to send and may go on from its kept state.
 */
export async function localChanges(db: StudyDatabase): Promise<unknown> {
  return Promise.all([
    db.reviewLogs.orderBy(':id').reverse().limit(1).primaryKeys(),
    db.cardEvents.orderBy(':id').reverse().limit(1).primaryKeys(),
    db.settings.bulkGet(Object.keys(SYNCED_SETTINGS)),
    db.syncMeta.get(MARKS_EPOCH)
  ])
}
