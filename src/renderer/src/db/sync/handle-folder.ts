/**
 * A sync folder through the File System Access API (a folder the student picked in the browser's
 * own dialog, or the origin-private file system). Chromium writes through a temporary file and
 * renames it on close, so each append and each replace lands whole or not at all.
 */
import type { FolderEntry, SyncFolder } from '$shared/sync-folder'

/** The parts of the API used here (TypeScript's DOM library lacks the iteration and writing). */
interface DirectoryHandle {
  readonly name: string
  entries(): AsyncIterable<[string, FileSystemHandle]>
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirectoryHandle>
  getFileHandle(name: string, options?: { create?: boolean }): Promise<WritableFileHandle>
}
interface WritableFileHandle {
  getFile(): Promise<File>
  createWritable(options?: { keepExistingData?: boolean }): Promise<{
    write(data: { type: 'write'; position: number; data: string } | string): Promise<void>
    close(): Promise<void>
  }>
}

const isNotFound = (error: unknown) => (error as Error)?.name === 'NotFoundError'

/** A folder behind a directory handle. */
export class HandleFolder implements SyncFolder {
  readonly #root: DirectoryHandle

  constructor(root: FileSystemDirectoryHandle) {
    this.#root = root as unknown as DirectoryHandle
  }

  get label(): string {
    return this.#root.name
  }

  async #dir(path: string, create: boolean): Promise<DirectoryHandle> {
    let dir = this.#root
    for (const part of path.split('/').filter(Boolean)) {
      dir = await dir.getDirectoryHandle(part, { create })
    }
    return dir
  }

  async #file(path: string, create: boolean): Promise<WritableFileHandle> {
    const cut = path.lastIndexOf('/')
    const dir = await this.#dir(path.slice(0, Math.max(0, cut)), create)
    return dir.getFileHandle(path.slice(cut + 1), { create })
  }

  list = async (path: string): Promise<FolderEntry[]> => {
    let dir: DirectoryHandle
    try {
      dir = await this.#dir(path, false)
    } catch (error) {
      // A subfolder not made yet is empty; the folder itself missing is an error.
      if (path && isNotFound(error)) return []
      throw error
    }
    const out: FolderEntry[] = []
    for await (const [name, handle] of dir.entries()) {
      if (handle.kind === 'directory') {
        out.push({ name, kind: 'directory', size: 0, modified: 0 })
      } else {
        const file = await (handle as unknown as WritableFileHandle).getFile()
        out.push({ name, kind: 'file', size: file.size, modified: file.lastModified })
      }
    }
    return out
  }

  read = async (path: string, offset: number): Promise<string> => {
    const file = await (await this.#file(path, false)).getFile()
    return file.slice(offset).text()
  }

  append = async (path: string, text: string): Promise<void> => {
    const handle = await this.#file(path, true)
    const size = (await handle.getFile()).size
    const writable = await handle.createWritable({ keepExistingData: true })
    await writable.write({ type: 'write', position: size, data: text })
    await writable.close()
  }

  replace = async (path: string, text: string): Promise<void> => {
    const writable = await (await this.#file(path, true)).createWritable()
    await writable.write(text)
    await writable.close()
  }
}
