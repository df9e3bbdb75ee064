/**
 * A sync folder as the app sees it, whatever holds it (Node's fs in the main process, the File
 * System Access API in a browser, the desktop bridge): a few operations on paths relative to the
 * folder, each path checked by `isSyncPath` so nothing outside it can even be named.
 */

/** An entry of a folder listing. */
export interface FolderEntry {
  name: string
  kind: 'file' | 'directory'
  /** Bytes (files only). */
  size: number
  /** Epoch ms of the last change (files only; 0 when unknown). */
  modified: number
}

/** The operations sync needs; every path is relative to the folder, `/`-separated. */
export interface SyncFolder {
  /** What to call the folder in the interface (its name, or its path on a desktop). */
  readonly label: string
  /** The entries of a subfolder ('' for the folder itself); [] when it does not exist. */
  list(dir: string): Promise<FolderEntry[]>
  /** A file's text from a byte offset to its end. */
  read(path: string, offset: number): Promise<string>
  /** Appends text to a file, creating it and its folders when missing. */
  append(path: string, text: string): Promise<void>
  /** Replaces a file's content at once (a temporary file, then a rename). */
  replace(path: string, text: string): Promise<void>
}

/** The longest relative path accepted. */
export const MAX_SYNC_PATH = 240
/** The most text one append or replace may write (a first sync of years of reviews). */
export const MAX_SYNC_WRITE = 64 * 1024 * 1024

/**
 * Whether a relative path may be used inside a sync folder: '' or names separated by '/', none
 * starting with a dot or a space (so never '.', '..' or a hidden file) and none holding a
 * backslash, a colon, a control character or a character Windows forbids: never a drive or an
 * absolute path. Conflict copies (`reviews-2026 (Ana's conflicted copy).jsonl`) pass.
 */
export function isSyncPath(path: unknown): path is string {
  if (typeof path !== 'string' || path.length > MAX_SYNC_PATH) return false
  if (path === '') return true
  return path.split('/').every((part) => part.length <= 120 && SAFE_NAME.test(part))
}

// A name part: no leading dot or space, no separator, colon, wildcard or control character.
// eslint-disable-next-line no-control-regex
const SAFE_NAME = /^[^\s./\\:*?"<>|\x00-\x1f][^/\\:*?"<>|\x00-\x1f]*$/

/** Whether a value is a byte offset to read from. */
export function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

/** Whether a value is text that may be written in one go. */
export function isSyncText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_SYNC_WRITE
}
