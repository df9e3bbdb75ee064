/**
 * One sync with a folder: send this device's news, read the other devices', apply them, and
 * remember how far each file was read. A folder that fails (removed, unplugged) stops the sync
 * where it is: what was applied stays applied, what was not is read again next time.
 */
import type { SyncFolder } from '$shared/sync-folder'
import type { LineIssue } from '../../domain/sync/lines'
import { takeAutomaticBackup } from '../backup'
import { syncCardIds } from '../card-sync'
import type { StudyDatabase } from '../database'
import { applyLines, applySettings, type ApplyOptions } from './apply'
import { receive } from './receive'
import { newsTables, readNews, send } from './send'
import { loadState, saveState, type SyncState } from './sync-state'

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
 * What a sync process keeps between syncs with the same folder: the state as it left it and the
 * token of this device's data it was read with (`SyncOptions.token`). A sync whose token is the
 * same reads nothing from the database: this device has nothing new to send and its marks are
 * where it left them.
 */
export class WarmState {
  #kept: { folder: string; token: string; state: SyncState } | undefined

  /** The kept state, when it is for this folder and this token. */
  take(folder: string, token: string | undefined): SyncState | undefined {
    const kept = this.#kept
    this.#kept = undefined
    return token !== undefined && kept?.folder === folder && kept.token === token
      ? kept.state
      : undefined
  }

  /** Keeps the state a sync ended with (nothing is kept from a sync that failed). */
  keep(folder: string, token: string | undefined, state: SyncState): void {
    this.#kept = token === undefined ? undefined : { folder, token, state }
  }
}

/** How one sync runs. */
export interface SyncOptions extends ApplyOptions {
  now?: number
  /**
   * What the page last saw of this device's own changes (the newest review and card event, the
   * synced settings, the read marks' epoch): while it is unchanged, `warm` spares the database read.
   */
  token?: string
  warm?: WarmState
  /** The pack's card ids: their rows are made first, so reviews from elsewhere find their cards. */
  cardIds?: readonly string[]
}

/**
 * Syncs once. `folderId` names the folder (a new one starts afresh: everything is sent, all of
 * the others' files are read). Rejects with `FolderUnavailable` when the folder fails.
 */
export async function syncOnce(
  db: StudyDatabase,
  folder: SyncFolder,
  folderId: string,
  options: SyncOptions = {}
): Promise<SyncReport> {
  await db.open()
  if (options.cardIds?.length) await syncCardIds([...options.cardIds], options.now, db)
  const warm = options.warm?.take(folderId, options.token)
  // A folder that is gone fails here, before anything is read or written; the listing of the
  // devices is the receiving's too, and only an empty one asks whether the folder is there at all.
  const devices = await viaFolder(() => folder.list('devices'))
  if (!devices.length) await viaFolder(() => folder.list(''))
  const device = db.deviceId
  if (!device) throw new Error('This installation has no device id yet.')
  // One read transaction for what a sync needs of the database, none when this device changed
  // nothing since the last sync (warm); a sync with nothing new writes nothing to it (the state
  // is saved only when it moved).
  const [state, news] = warm
    ? [warm, undefined]
    : await db.transaction('r', [db.syncMeta, ...newsTables(db)], async () => {
        const state = await loadState(db, folderId)
        return [state, await readNews(db, device, state)] as const
      })
  let saved = JSON.stringify(state)
  const saveMoved = async (): Promise<boolean> => {
    const now = JSON.stringify(state)
    const moved = now !== saved
    if (moved) await saveState(db, state)
    saved = now
    return moved
  }
  const sent = news ? await viaFolder(() => send(folder, device, state, news)) : 0
  // What was just written is listed again, so this device's own new files are read as well.
  const wrote = await saveMoved()
  const got = await viaFolder(() =>
    receive(folder, device, state, options.pause, wrote ? undefined : devices)
  )
  let backedUp = false
  if (!state.othersSeen && got.othersHaveData) {
    await takeAutomaticBackup(db, 'Before the first sync with other devices', options.now)
    state.othersSeen = backedUp = true
  }
  const applied = await applyLines(db, got.reviews, got.events, state.pending, options)
  const settings = await applySettings(db, got.settings)
  await saveMoved()
  options.warm?.keep(folderId, options.token, state)
  return {
    sent,
    received: applied.reviews + applied.events,
    settings,
    devices: got.devices,
    issues: got.issues,
    backedUp
  }
}
