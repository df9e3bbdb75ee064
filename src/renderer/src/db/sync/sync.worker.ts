/**
 * Sync away from the page: this worker opens the same database and runs the whole sync (reading
 * and validating the lines, replaying every card they touch, the automatic backup), so a first
 * sync of 100,000 reviews never holds the window. The browser's folder is used here directly; the
 * desktop's is reached through the page (its bridge lives there).
 */
import { StudyDatabase } from '../database'
import { PortFolder, type FolderCall, type FolderReply } from './folder-messages'
import { HandleFolder } from './handle-folder'
import { FolderUnavailable, WarmState, syncOnce, type SyncReport } from './sync-once'

/** What the page asks: one sync with the folder it names. */
export interface SyncRequest {
  type: 'sync'
  id: number
  folderId: string
  /** What the page last saw of this device's own changes (see `SyncOptions.token`). */
  token?: string
  /** The pack's card ids, on the page's first sync (see `SyncOptions.cardIds`). */
  cardIds?: readonly string[]
  /** The browser's folder, which a worker may use itself: no operation then goes through the page. */
  handle?: FileSystemDirectoryHandle
}

/** The worker's answer: the report, or why it failed (`unavailable`: the folder could not be reached). */
export type SyncResult =
  | { type: 'synced'; id: number; report: SyncReport }
  | { type: 'synced'; id: number; error: string; unavailable: boolean }

const scope = globalThis as unknown as {
  postMessage(message: FolderCall | SyncResult): void
  onmessage: ((event: MessageEvent<SyncRequest | FolderReply>) => void) | null
}
const db = new StudyDatabase()
const viaPage = new PortFolder(scope)
// The worker lives as long as the page: a sync with nothing new on this device reads no database.
const warm = new WarmState()

scope.onmessage = (event) => {
  const message = event.data
  if (message.type === 'folder-reply') viaPage.settle(message)
  else if (message.type === 'sync') void run(message)
}

async function run({ id, folderId, token, cardIds, handle }: SyncRequest): Promise<void> {
  const folder = handle ? new HandleFolder(handle) : viaPage
  try {
    const report = await syncOnce(db, folder, folderId, { token, cardIds, warm })
    scope.postMessage({ type: 'synced', id, report })
  } catch (error) {
    const unavailable = error instanceof FolderUnavailable
    const cause = unavailable ? error.cause : error
    scope.postMessage({
      type: 'synced',
      id,
      error: (cause as Error)?.message ?? String(cause),
      unavailable
    })
  }
}
