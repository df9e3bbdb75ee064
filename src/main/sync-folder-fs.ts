/**
 * A sync folder on disk, for the main process: every path is checked (`isSyncPath`), resolved
 * against the folder's real path, and refused when it or its nearest existing parent resolves
 * outside it (a symlink out); symlinks in listings are left out. Appends add whole text at the end,
 * replacements write a temporary file and rename it over the old one.
 */
import { randomUUID } from 'node:crypto'
import {
  appendFile,
  lstat,
  mkdir,
  open,
  readdir,
  realpath,
  rename,
  rm,
  writeFile
} from 'node:fs/promises'
import { dirname, join, relative, isAbsolute } from 'node:path'
import {
  isOffset,
  isSyncPath,
  isSyncText,
  type FolderEntry,
  type SyncFolder
} from '../shared/sync-folder'

const refused = (what: string) => new Error(`refused: ${what}`)

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT'

/** Whether `path` is `root` or inside it (both real paths). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** A folder on disk; `root` is the folder the student chose. */
export class NodeFolder implements SyncFolder {
  constructor(readonly root: string) {}

  get label(): string {
    return this.root
  }

  /** The absolute path of a relative one, after every check; the folder itself must exist. */
  async resolve(path: unknown): Promise<string> {
    if (!isSyncPath(path)) throw refused('not a path inside the sync folder')
    const root = await realpath(this.root)
    const target = join(root, ...path.split('/').filter(Boolean))
    let probe = target
    for (;;) {
      try {
        if (!isInside(root, await realpath(probe))) throw refused('a link out of the sync folder')
        return target
      } catch (error) {
        if (!isMissing(error) || probe === root) throw error
        probe = dirname(probe)
      }
    }
  }

  list = async (dir: string): Promise<FolderEntry[]> => {
    const path = await this.resolve(dir)
    let names: string[]
    try {
      names = await readdir(path)
    } catch (error) {
      if (isMissing(error) && dir !== '') return []
      throw error
    }
    const out: FolderEntry[] = []
    for (const name of names) {
      const info = await lstat(join(path, name)).catch(() => undefined)
      if (!info || info.isSymbolicLink()) continue
      if (info.isDirectory()) out.push({ name, kind: 'directory', size: 0, modified: 0 })
      else if (info.isFile())
        out.push({ name, kind: 'file', size: info.size, modified: info.mtimeMs })
    }
    return out
  }

  read = async (path: string, offset: number): Promise<string> => {
    if (!isOffset(offset)) throw refused('not an offset')
    const file = await open(await this.resolve(path), 'r')
    try {
      const { size } = await file.stat()
      const length = Math.max(0, size - offset)
      const buffer = Buffer.alloc(length)
      const { bytesRead } = await file.read(buffer, 0, length, offset)
      return buffer.subarray(0, bytesRead).toString('utf8')
    } finally {
      await file.close()
    }
  }

  append = async (path: string, text: string): Promise<void> => {
    if (!isSyncText(text)) throw refused('too much text')
    const target = await this.resolve(path)
    await mkdir(dirname(target), { recursive: true })
    await appendFile(await this.resolve(path), text, 'utf8')
  }

  replace = async (path: string, text: string): Promise<void> => {
    if (!isSyncText(text)) throw refused('too much text')
    const target = await this.resolve(path)
    await mkdir(dirname(target), { recursive: true })
    const temporary = `${target}.${randomUUID()}.tmp`
    try {
      await writeFile(temporary, text, 'utf8')
      await rename(temporary, await this.resolve(path))
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
  }
}
