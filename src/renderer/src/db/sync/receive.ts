/**
 * Receiving: reads what other devices appended since the last read (by byte offset, so a sync
 * with nothing new reads nothing), conflict copies included, and validates every line before
 * anything reaches the database. Bad lines and oversized files are reported, never applied.
 */
import * as v from 'valibot'
import type { FolderEntry, SyncFolder } from '$shared/sync-folder'
import {
  EventLineSchema,
  MAX_FILE_BYTES,
  ReviewLineSchema,
  SettingsFileSchema,
  deviceFolder,
  isDeviceName,
  isSettingsFile,
  logKindOf,
  parseLines,
  type EventLine,
  type LineIssue,
  type ReviewLine,
  type SettingsFile
} from '../../domain/sync/lines'
import type { SyncState } from './sync-state'

/** What the other devices' files hold that has not been read before. */
export interface Received {
  reviews: ReviewLine[]
  events: EventLine[]
  settings: SettingsFile[]
  issues: LineIssue[]
  /** Other devices that have a folder here. */
  devices: number
  /** Whether any other device has written logs (a first sync then takes a backup). */
  othersHaveData: boolean
}

const encoder = new TextEncoder()
/** Characters parsed between two pauses (about 2,500 lines). */
const SLICE_CHARS = 512 * 1024
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
const MAX_SETTINGS_BYTES = 1024 * 1024

/**
 * Reads the folder. The marks in `state.files` move as files are read; the caller saves them only
 * once what was read is in the database.
 */
export async function receive(
  folder: SyncFolder,
  device: string,
  state: SyncState,
  pause: () => Promise<void> = yieldToPage,
  /** The listing of `devices`, when the caller has it already. */
  listed?: FolderEntry[]
): Promise<Received> {
  const out: Received = {
    reviews: [],
    events: [],
    settings: [],
    issues: [],
    devices: 0,
    othersHaveData: false
  }
  for (const dir of listed ?? (await folder.list('devices'))) {
    if (dir.kind !== 'directory' || !isDeviceName(dir.name)) continue
    const own = dir.name === device
    if (!own) out.devices++
    for (const entry of await folder.list(deviceFolder(dir.name))) {
      const path = `${deviceFolder(dir.name)}/${entry.name}`
      const kind = entry.kind === 'file' ? logKindOf(entry.name) : null
      // This device's own logs are read too (each line once, by offset): after a restore of an
      // older backup, they bring back what this device did since. Its own settings are not.
      if (kind) {
        if (!own) out.othersHaveData = true
        await readLog(folder, path, entry, kind, state, out, pause)
      } else if (entry.kind === 'file' && isSettingsFile(entry.name) && !own) {
        await readSettings(folder, path, dir.name, entry, state, out)
      }
    }
  }
  return out
}

async function readLog(
  folder: SyncFolder,
  path: string,
  { size, modified }: FolderEntry,
  kind: 'reviews' | 'events',
  state: SyncState,
  out: Received,
  pause: () => Promise<void>
): Promise<void> {
  if (size > MAX_FILE_BYTES) {
    out.issues.push({
      file: path,
      line: 0,
      message: `refused: larger than ${MAX_FILE_BYTES} bytes`
    })
    return
  }
  let mark = state.files[path]
  // Unchanged since it was read: not read at all (a sync with nothing new reads no file).
  if (mark && mark.bytes === size && mark.modified === modified) return
  // A file that shrank, or changed without growing, was replaced (a sync engine restoring
  // another version of it): read it all again; its lines already here are skipped by id.
  if (!mark || size <= mark.bytes) mark = { bytes: 0, lines: 0, modified }
  // Read from the start of the last line read before: if it is still there, the file grew by
  // appends; if not, it was rewritten (longer) and is read whole.
  const tail = mark.bytes > 0 ? (mark.tail ?? '\n') : ''
  let text = await folder.read(path, mark.bytes - encoder.encode(tail).length)
  if (text.startsWith(tail)) text = text.slice(tail.length)
  else {
    mark = { bytes: 0, lines: 0, modified }
    text = await folder.read(path, 0)
  }
  // Parsed a slice of whole lines at a time, with a pause between, so a large first read
  // never holds the page for long.
  let at = 0
  let lines = mark.lines
  while (at < text.length) {
    if (at > 0) await pause()
    const end = text.lastIndexOf('\n', at + SLICE_CHARS) + 1
    const stop = end > at ? end : text.length
    const slice = text.slice(at, stop)
    const parsed =
      kind === 'reviews'
        ? parseLines(slice, ReviewLineSchema, path, lines + 1)
        : parseLines(slice, EventLineSchema, path, lines + 1)
    for (const row of parsed.rows) {
      if (kind === 'reviews') out.reviews.push(row as ReviewLine)
      else out.events.push(row as EventLine)
    }
    out.issues.push(...parsed.issues)
    lines += parsed.lines
    at += parsed.consumed
    if (parsed.consumed < slice.length) break // an unterminated last line: left for later
  }
  const bytes = mark.bytes + encoder.encode(text.slice(0, at)).length
  state.files[path] = { bytes, lines, modified, tail: at > 0 ? lastLine(text, at) : mark.tail }
}

/** The last whole line before `end` (with its newline), kept to recognise the file next time. */
function lastLine(text: string, end: number): string | undefined {
  const line = text.slice(text.lastIndexOf('\n', end - 2) + 1, end)
  return line.length <= MAX_TAIL_CHARS ? line : undefined
}
const MAX_TAIL_CHARS = 2048

async function readSettings(
  folder: SyncFolder,
  path: string,
  owner: string,
  { size, modified }: FolderEntry,
  state: SyncState,
  out: Received
): Promise<void> {
  const mark = state.files[path]
  if (mark && mark.bytes === size && mark.modified === modified && modified !== 0) return
  if (size > MAX_SETTINGS_BYTES) {
    out.issues.push({ file: path, line: 0, message: 'refused: too large for a settings file' })
    return
  }
  let json: unknown
  try {
    json = JSON.parse(await folder.read(path, 0))
  } catch {
    // Half synced, most likely: it is read again next time.
    return
  }
  const parsed = v.safeParse(SettingsFileSchema, json)
  if (parsed.success && parsed.output.device === owner) out.settings.push(parsed.output)
  else if (parsed.success) {
    out.issues.push({ file: path, line: 0, message: 'refused: the settings of another device' })
  } else
    out.issues.push({
      file: path,
      line: 0,
      message: `not a settings file: ${parsed.issues[0]?.message}`
    })
  state.files[path] = { bytes: size, lines: 0, modified }
}
