/**
 * Where a sync runs: in a Web Worker (sync.worker.ts) that opens the same database, so its
 * parsing, replay and backup never hold the page; the page only answers the worker's folder
 * operations where the worker cannot reach the folder itself (the desktop bridge). In the page itself only where workers are missing or fail to start (unit tests).
 */
import type { SyncFolder } from '$shared/sync-folder'
import type { StudyDatabase } from '../database'
import { answerCall, type FolderCall } from './folder-messages'
import {
  FolderUnavailable,
  WarmState,
  syncOnce,
  type SyncOptions,
  type SyncReport
} from './sync-once'
import type { SyncRequest, SyncResult } from './sync.worker'

type Waiting = {
  folder: SyncFolder
  resolve: (report: SyncReport) => void
  reject: (error: Error) => void
}

class SyncWorker {
  #worker: Worker
  #next = 1
  #waiting = new Map<number, Waiting>()
  broken = false

  constructor() {
    this.#worker = new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' })
    this.#worker.onmessage = (event: MessageEvent<FolderCall | SyncResult>) => {
      const message = event.data
      if (message.type === 'folder') return void this.#answer(message)
      const waiting = this.#waiting.get(message.id)
      this.#waiting.delete(message.id)
      if ('report' in message) waiting?.resolve(message.report)
      else if (message.unavailable) waiting?.reject(new FolderUnavailable(new Error(message.error)))
      else waiting?.reject(new Error(message.error))
    }
    this.#worker.onerror = (event) => {
      // The worker could not start or crashed: sync in the page from now on.
      this.broken = true
      for (const waiting of this.#waiting.values()) waiting.reject(new Error(event.message))
      this.#waiting.clear()
    }
  }

  /** One sync at a time (the service sees to it): folder calls go to the sync waiting. */
  async #answer(call: FolderCall): Promise<void> {
    const folder = [...this.#waiting.values()].at(-1)?.folder
    if (!folder) return
    this.#worker.postMessage(await answerCall(folder, call))
  }

  sync = (
    folder: SyncFolder,
    folderId: string,
    asked: RunOptions,
    handle?: FileSystemDirectoryHandle
  ): Promise<SyncReport> =>
    new Promise((resolve, reject) => {
      const id = this.#next++
      this.#waiting.set(id, { folder, resolve, reject })
      const request: SyncRequest = { type: 'sync', id, folderId, ...asked }
      try {
        this.#worker.postMessage(handle ? { ...request, handle } : request)
      } catch {
        // A handle this browser cannot hand to a worker: the worker asks the page instead.
        this.#worker.postMessage(request)
      }
    })
}

/** What the page hands a sync: see `SyncOptions.token` and `SyncOptions.cardIds`. */
export type RunOptions = Pick<SyncOptions, 'token' | 'cardIds'>

let worker: SyncWorker | undefined
const warmInPage = new WarmState()

/**
 * Syncs once with a folder, in the worker where there is one (`handle`: the browser's folder,
 * which the worker then uses itself). `asked`: what the page last saw of this device's own
 * changes, so a sync after none reads no database, and the pack's card ids on a first sync.
 * Rejects with
 * `FolderUnavailable` when the folder fails, as `syncOnce` does.
 */
export async function runSync(
  db: StudyDatabase,
  folder: SyncFolder,
  folderId: string,
  asked: RunOptions = {},
  handle?: FileSystemDirectoryHandle
): Promise<SyncReport> {
  if (typeof Worker !== 'undefined' && !worker?.broken) {
    try {
      worker ??= new SyncWorker()
      return await worker.sync(folder, folderId, asked, handle)
    } catch (error) {
      if (!worker?.broken) throw error
    }
  }
  return syncOnce(db, folder, folderId, { ...asked, warm: warmInPage })
}
