/**
 * One sync with a folder: send this device's news, read the other devices', apply them, and
 * remember how far each file was read. A folder that fails (removed, unplugged) stops the sync
 * where it is: what was applied stays applied, what was not is read again next time.
 */
import type { SyncFolder } from '$shared/sync-folder'
import type { LineIssue } from '../../domain/sync/lines'
import { takeAutomaticBackup } from '../backup'
import type { StudyDatabase } from '../database'
import { applyLines, applySettings, type ApplyOptions } from './apply'
import { receive } from './receive'
import { newsTables, readNews, send } from './send'
import { loadState, saveState } from './sync-state'

/** What one sync did. */
export interface SyncReport {
  /** Lines this device wrote. */
  sent: number
  /** Reviews and card events from other devices that were new here. */
  received: number
  /** Settings taken from another device. */
  settings: number
  /** Other devices seen in the folder. */
  devices: number
  /** Lines and files refused (bad lines are skipped, never applied). */
  issues: LineIssue[]
  /** Whether an automatic backup was taken first (the first sync with a folder holding data). */
  backedUp: boolean
}

/** The folder could not be used; nothing was lost, the next sync goes on from here. */
export class FolderUnavailable extends Error {
  constructor(override readonly cause: unknown) {
    super(`The sync folder cannot be reached (${(cause as Error)?.message ?? String(cause)}).`)
    this.name = 'FolderUnavailable'
  }
}

/** Runs a folder operation; its failure means the folder is not available. */
async function viaFolder<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw new FolderUnavailable(error)
  }
}

/**
 * Syncs once. `folderId` names the folder (a new one starts afresh: everything is sent, all of
 * the others' files are read). Rejects with `FolderUnavailable` when the folder fails.
 */
export async function syncOnce(
  db: StudyDatabase,
  folder: SyncFolder,
  folderId: string,
  options: ApplyOptions & { now?: number } = {}
): Promise<SyncReport> {
  await db.open()
  // A folder that is gone fails here, before anything is read or written.
  await viaFolder(() => folder.list(''))
  const device = db.deviceId
  if (!device) throw new Error('This installation has no device id yet.')
  // One read transaction for what a sync needs of the database; a sync with nothing new writes
  // nothing to it (the state is saved only when it moved).
  const [state, news] = await db.transaction('r', [db.syncMeta, ...newsTables(db)], async () => {
    const state = await loadState(db, folderId)
    return [state, await readNews(db, device, state)] as const
  })
  let saved = JSON.stringify(state)
  const saveMoved = async () => {
    const now = JSON.stringify(state)
    if (now !== saved) await saveState(db, state)
    saved = now
  }
  const sent = await viaFolder(() => send(folder, device, state, news))
  await saveMoved()
  const got = await viaFolder(() => receive(folder, device, state, options.pause))
  let backedUp = false
  if (!state.othersSeen && got.othersHaveData) {
    await takeAutomaticBackup(db, 'Before the first sync with other devices', options.now)
    state.othersSeen = backedUp = true
  }
  const applied = await applyLines(db, got.reviews, got.events, state.pending, options)
  const settings = await applySettings(db, got.settings)
  await saveMoved()
  return {
    sent,
    received: applied.reviews + applied.events,
    settings,
    devices: got.devices,
    issues: got.issues,
    backedUp
  }
}
