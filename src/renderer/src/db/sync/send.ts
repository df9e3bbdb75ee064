/**
 * Sending: this device appends its new reviews and card events to its own files, one whole line
 * each, and rewrites its settings file when a setting changed. It never touches another device's
 * files, so no two computers ever write the same file.
 */
import type { FolderEntry, SyncFolder } from '$shared/sync-folder'
import type { ReviewLogRow } from '../../domain/card-state'
import {
  deviceFolder,
  eventLine,
  isSyncedSetting,
  logFileName,
  toLine,
  type CardEventRow,
  type ReviewLine,
  type SettingsFile
} from '../../domain/sync/lines'
import type { SettingRow, StudyDatabase } from '../database'
import type { SyncState } from './sync-state'

/** A review-log row as a line of the folder. */
export function reviewLine(log: ReviewLogRow): ReviewLine {
  return {
    id: log.uid!,
    card: log.cardId,
    rating: log.rating,
    at: log.reviewedAt,
    mode: log.mode,
    device: log.device!,
    retention: log.retention,
    ms: Math.min(86_400_000, Math.round(log.durationMs)),
    ...(log.scheduled === false ? { scheduled: false as const } : {})
  }
}

/** Lines grouped by the file they go to. */
function byFile<T>(rows: T[], file: (row: T) => string, line: (row: T) => string) {
  const out = new Map<string, string[]>()
  for (const row of rows) {
    const name = file(row)
    const list = out.get(name)
    if (list) list.push(line(row))
    else out.set(name, [line(row)])
  }
  return out
}

/**
 * Appends lines to this device's files. A file whose last line was cut short (a crash while
 * writing) gets a newline first, so the new lines stay whole and the cut one is skipped by readers.
 */
async function appendAll(
  folder: SyncFolder,
  dir: string,
  own: FolderEntry[],
  files: Map<string, string[]>
): Promise<number> {
  let lines = 0
  for (const [name, rows] of files) {
    const path = `${dir}/${name}`
    const size = own.find((e) => e.name === name)?.size ?? 0
    const cut = size > 0 && !(await folder.read(path, size - 1)).endsWith('\n')
    await folder.append(path, (cut ? '\n' : '') + rows.join(''))
    lines += rows.length
  }
  return lines
}

/** This device's rows not sent yet, and the settings; read inside the caller's transaction. */
export interface News {
  logs: ReviewLogRow[]
  events: CardEventRow[]
  settings: SettingRow[]
}

/** The tables `readNews` reads (with `syncMeta`, one read transaction holds a sync's reads). */
export const newsTables = (db: StudyDatabase) => [db.reviewLogs, db.cardEvents, db.settings]

/**
 * Reads this device's rows after the last sent, by index: what others sent is never read here.
 * Call it inside a read transaction on `newsTables`.
 */
export async function readNews(db: StudyDatabase, device: string, state: SyncState): Promise<News> {
  const [logs, events, settings] = await Promise.all([
    db.reviewLogs
      .where('[device+id]')
      .between([device, state.sentLogId], [device, Infinity], false, true)
      .toArray(),
    db.cardEvents
      .where('[device+seq]')
      .between([device, state.sentSeq], [device, Infinity], false, true)
      .toArray(),
    db.settings.toArray()
  ])
  return { logs, events, settings }
}

/**
 * Sends what this device did since the last send (`news`, read before); the state's marks move
 * only once a file was written, so a folder that fails halfway loses nothing (the rest goes next
 * time; a line sent twice is read once, by its id). Returns the lines written.
 */
export async function send(
  folder: SyncFolder,
  device: string,
  state: SyncState,
  { logs, events, settings }: News
): Promise<number> {
  const dir = deviceFolder(device)
  const mine = logs.filter((log) => log.uid)
  const myEvents = events
  const file: SettingsFile = { device, settings: {} }
  for (const row of settings) {
    if (isSyncedSetting(row.key) && row.at !== undefined && (row.device ?? device) === device) {
      file.settings[row.key] = { value: row.value, at: row.at }
    }
  }
  const settingsText = JSON.stringify(file, null, 2) + '\n'
  let sent = 0
  if (mine.length || myEvents.length || settingsText !== state.settingsSent) {
    const own = await folder.list(dir)
    sent += await appendAll(
      folder,
      dir,
      own,
      byFile(
        mine,
        (log) => logFileName('reviews', log.reviewedAt),
        (log) => toLine(reviewLine(log))
      )
    )
    sent += await appendAll(
      folder,
      dir,
      own,
      byFile(
        myEvents,
        (e) => logFileName('events', e.at),
        (e) => toLine(eventLine(e))
      )
    )
    if (settingsText !== state.settingsSent) {
      await folder.replace(`${dir}/settings.json`, settingsText)
      state.settingsSent = settingsText
    }
  }
  state.sentLogId = logs.at(-1)?.id ?? state.sentLogId
  state.sentSeq = events.at(-1)?.seq ?? state.sentSeq
  return sent
}
