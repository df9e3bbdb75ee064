/**
 * When sync runs, and what the panel shows of it: on start, when the window gets the focus, every
 * few minutes, a few seconds after this device's own changes, and on demand. One sync at a time;
 * a folder that is gone pauses sync with a quiet notice, and the next attempt goes on from there.
 */
import { database } from '../../db/database'
import { watch } from '../../db/live.svelte'
import { DesktopFolder } from '../../db/sync/desktop-folder'
import {
  forgetChoice,
  loadChoice,
  saveChoice,
  saveLastSync,
  type FolderChoice
} from '../../db/sync/folder-choice'
import { HandleFolder } from '../../db/sync/handle-folder'
import { FolderUnavailable } from '../../db/sync/sync-once'
import { runSync } from '../../db/sync/sync-runner'
import { localChanges } from '../../db/sync/sync-state'
import { notices } from '../../lib/notices.svelte'
import type { SyncFolder } from '$shared/sync-folder'

/** Minutes between syncs while the app is open. */
export const EVERY_MS = 5 * 60_000
/** How long after a change of this device its news are written (answers come in runs). */
export const AFTER_CHANGE_MS = 4000

export type SyncStatus =
  'unavailable' | 'off' | 'idle' | 'syncing' | 'paused' | 'permission' | 'failed'

type Permission = 'granted' | 'denied' | 'prompt'
interface PermissionHandle {
  queryPermission?(options: { mode: 'readwrite' }): Promise<Permission>
  requestPermission?(options: { mode: 'readwrite' }): Promise<Permission>
}
type Picker = (options: { mode: 'readwrite'; id?: string }) => Promise<FileSystemDirectoryHandle>

/** The browser's folder picker, where it has one. */
function picker(): Picker | undefined {
  const w = globalThis as { showDirectoryPicker?: Picker }
  return typeof w.showDirectoryPicker === 'function'
    ? w.showDirectoryPicker.bind(globalThis)
    : undefined
}

export class SyncService {
  status: SyncStatus = $state('off')
  /** The folder's name (browser) or path (desktop). */
  label = $state('')
  /** What went wrong last, in words, or ''. */
  message = $state('')
  #choice: FolderChoice | undefined
  #folder: SyncFolder | undefined
  #cardIds: readonly string[] = []
  #running: Promise<void> | undefined
  /** This device's own changes as last seen (`localChanges`): unchanged, a sync reads no database. */
  #token: string | undefined
  #again = false
  #stops: (() => void)[] = []
  #started = false
  #cardsMade = false

  /** Whether this browser or the desktop app can sync with a folder at all. */
  get available(): boolean {
    return !!globalThis.window?.studyApp || !!picker()
  }

  /** Starts the schedule (once); `cardIds` are the pack's, so reviews from elsewhere find their cards. */
  start = async (cardIds: readonly string[]): Promise<void> => {
    if (this.#started) return
    this.#started = true
    this.#cardIds = cardIds
    if (!this.available) {
      this.status = 'unavailable'
      return
    }
    await this.#restore()
    const onFocus = () => void this.run()
    window.addEventListener('focus', onFocus)
    const timer = setInterval(() => void this.run(), EVERY_MS)
    let debounce: ReturnType<typeof setTimeout> | undefined
    let first = true
    const stopWatch = watch(
      () => localChanges(database()),
      (changes) => {
        this.#token = JSON.stringify(changes)
        // The first answer is the state at start. A change seen during a sync may be the sync's
        // own, or an answer given meanwhile: a sync shortly after settles which.
        if (first) return void (first = false)
        clearTimeout(debounce)
        debounce = setTimeout(() => void this.run(), AFTER_CHANGE_MS)
      }
    )
    this.#stops.push(
      () => window.removeEventListener('focus', onFocus),
      () => clearInterval(timer),
      () => clearTimeout(debounce),
      stopWatch
    )
    await this.run()
  }

  /** Stops the schedule (tests). */
  stop = (): void => {
    for (const stop of this.#stops.splice(0)) stop()
    this.#started = false
  }

  async #restore(): Promise<void> {
    const bridge = window.studyApp
    if (bridge) {
      const path = await bridge.syncFolder()
      const kept = await loadChoice(database())
      if (!path) return
      this.#choice = kept && kept.label === path ? kept : await saveChoice(database(), path)
      this.#folder = new DesktopFolder(bridge, path)
    } else {
      this.#choice = await loadChoice(database())
      if (this.#choice?.handle) this.#folder = new HandleFolder(this.#choice.handle)
    }
    if (this.#choice) {
      this.label = this.#choice.label
      this.status = 'idle'
    }
  }

  /** Lets the student pick a folder (the system's dialog), then syncs with it. */
  choose = async (): Promise<void> => {
    this.message = ''
    const bridge = window.studyApp
    if (bridge) {
      const path = await bridge.syncChoose()
      if (!path) return
      this.#choice = await saveChoice(database(), path)
      this.#folder = new DesktopFolder(bridge, path)
    } else {
      const pick = picker()
      if (!pick) return
      let handle: FileSystemDirectoryHandle
      try {
        handle = await pick({ mode: 'readwrite', id: 'study-sync' })
      } catch {
        return // The student closed the dialog.
      }
      this.#choice = await saveChoice(database(), handle.name, handle)
      this.#folder = new HandleFolder(handle)
    }
    this.label = this.#choice.label
    this.status = 'idle'
    await this.run(true)
  }

  /** Stops syncing with the folder; its files and everything studied stay. */
  forget = async (): Promise<void> => {
    await window.studyApp?.syncForget()
    await forgetChoice(database())
    this.#choice = this.#folder = undefined
    this.label = this.message = ''
    this.status = 'off'
  }

  /**
   * Syncs now. `asked`: the student pressed the button, so a browser may ask for permission to
   * the folder again (it only may in answer to a click).
   */
  run = async (asked = false): Promise<void> => {
    if (!this.#folder || !this.#choice) return
    if (this.#running) {
      this.#again = true
      return this.#running
    }
    this.#running = this.#runOnce(asked).finally(() => {
      this.#running = undefined
      if (this.#again) {
        this.#again = false
        void this.run()
      }
    })
    return this.#running
  }

  async #runOnce(asked: boolean): Promise<void> {
    const folder = this.#folder!
    const choice = this.#choice!
    if (!(await this.#permitted(asked))) {
      this.status = 'permission'
      return
    }
    const wasPaused = this.status === 'paused'
    this.status = 'syncing'
    try {
      const db = database()
      const started = performance.now()
      // Reviews from elsewhere need their cards: the pack's rows are made once per start, by
      // the sync itself (in its worker: 100,000 card ids are compared away from the page).
      const report = await runSync(
        db,
        folder,
        choice.id,
        {
          token: this.#token,
          ...(this.#cardsMade ? {} : { cardIds: this.#cardIds })
        },
        choice.handle
      )
      this.#cardsMade = true
      // Measured by the benchmark (bench/sync.bench.mjs), never by a test.
      performance.measure('sync', { start: started, end: performance.now() })
      await saveLastSync(db, {
        at: Date.now(),
        sent: report.sent,
        received: report.received,
        settings: report.settings,
        devices: report.devices,
        issues: report.issues.slice(0, 5),
        issueCount: report.issues.length
      })
      this.message = report.backedUp
        ? 'An automatic backup of your progress was kept before the first sync with another computer.'
        : ''
      this.status = 'idle'
    } catch (error) {
      if (error instanceof FolderUnavailable) {
        this.status = 'paused'
        this.message = `${error.message} Sync is paused; nothing is lost, and it resumes once the folder is back.`
        if (!wasPaused) notices.show('Sync is paused: the sync folder cannot be reached.')
      } else {
        this.status = 'failed'
        this.message = `Sync failed (${(error as Error)?.message ?? String(error)}). Your data has not been changed.`
      }
    }
  }

  async #permitted(asked: boolean): Promise<boolean> {
    const handle = this.#choice?.handle as PermissionHandle | undefined
    if (!handle?.queryPermission) return true
    if ((await handle.queryPermission({ mode: 'readwrite' })) === 'granted') return true
    if (!asked || !handle.requestPermission) return false
    return (await handle.requestPermission({ mode: 'readwrite' })) === 'granted'
  }
}

/** The one sync service of the app. */
export const sync = new SyncService()
