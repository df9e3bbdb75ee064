/**
 * The sync folder of the desktop app: the main process holds the folder the student chose in the
 * system's dialog and does every read and write itself, inside that folder only; the page names
 * files by their path relative to it.
 */
import type { FolderEntry, SyncFolder } from '$shared/sync-folder'
import type { SyncBridge } from '$shared/ipc'

/** A folder behind the desktop bridge. */
export class DesktopFolder implements SyncFolder {
  constructor(
    private readonly bridge: SyncBridge,
    readonly label: string
  ) {}

  list = (dir: string): Promise<FolderEntry[]> => this.bridge.syncList(dir)
  read = (path: string, offset: number): Promise<string> => this.bridge.syncRead(path, offset)
  append = (path: string, text: string): Promise<void> => this.bridge.syncAppend(path, text)
  replace = (path: string, text: string): Promise<void> => this.bridge.syncReplace(path, text)
}
