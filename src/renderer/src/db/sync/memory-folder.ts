/**
 * A sync folder held in memory, byte for byte like a disk (sizes in UTF-8 bytes, reads from a
 * byte offset): the folder the unit tests share between simulated devices, which can also be
 * made to vanish (a USB stick pulled out) or to fail after some operations.
 */
import type { FolderEntry, SyncFolder } from '$shared/sync-folder'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export class MemoryFolder implements SyncFolder {
  readonly label = 'memory'
  readonly files = new Map<string, Uint8Array>()
  /** When each file last changed, as a disk's modification time (a counter: never equal twice). */
  readonly #modified = new Map<string, number>()
  #clock = 0
  /** While false, every operation fails as on a folder that is gone. */
  present = true
  /** Operations left before the folder vanishes (a removal mid-sync); Infinity: never. */
  operationsLeft = Infinity

  #check(): void {
    if (this.operationsLeft-- <= 0) this.present = false
    if (!this.present) throw new Error('The sync folder is not there.')
  }

  list = async (dir: string): Promise<FolderEntry[]> => {
    this.#check()
    const prefix = dir ? `${dir}/` : ''
    const seen = new Map<string, FolderEntry>()
    for (const [path, bytes] of this.files) {
      if (!path.startsWith(prefix)) continue
      const [name, ...rest] = path.slice(prefix.length).split('/')
      if (!name) continue
      seen.set(
        name,
        rest.length
          ? { name, kind: 'directory', size: 0, modified: 0 }
          : { name, kind: 'file', size: bytes.length, modified: this.#modified.get(path) ?? 0 }
      )
    }
    return [...seen.values()]
  }

  read = async (path: string, offset: number): Promise<string> => {
    this.#check()
    const bytes = this.files.get(path)
    if (!bytes) throw new Error(`No file ${path}.`)
    return decoder.decode(bytes.subarray(offset))
  }

  append = async (path: string, text: string): Promise<void> => {
    this.#check()
    const old = this.files.get(path) ?? new Uint8Array()
    const add = encoder.encode(text)
    const next = new Uint8Array(old.length + add.length)
    next.set(old)
    next.set(add, old.length)
    this.#write(path, next)
  }

  replace = async (path: string, text: string): Promise<void> => {
    this.#check()
    this.#write(path, encoder.encode(text))
  }

  #write(path: string, bytes: Uint8Array): void {
    this.files.set(path, bytes)
    this.#modified.set(path, ++this.#clock)
  }

  /** A file's text (tests). */
  text(path: string): string {
    return decoder.decode(this.files.get(path) ?? new Uint8Array())
  }

  /** Writes a file as another program would (tests: a hostile or half-synced file). */
  put(path: string, text: string): void {
    this.#write(path, encoder.encode(text))
  }
}
