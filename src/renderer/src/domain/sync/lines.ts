/**
 * The sync folder's file format: one review or card event per JSON line, a settings file per
 * device, their valibot schemas, and a parser that validates every line and reports the bad ones
 * by line number. Pure: no Dexie, no file access.
 */
import * as v from 'valibot'
import { EpochMs, REVIEW_MODES } from '../card-state'

/** A random id (a UUID or anything of its alphabet): device ids and event ids. */
export const SyncId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/))
const CardId = v.pipe(v.string(), v.minLength(1), v.maxLength(200))

/** One review, as a line of `reviews-<year>.jsonl`. */
export const ReviewLineSchema = v.strictObject({
  id: SyncId,
  card: CardId,
  /** ts-fsrs Rating: 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: v.picklist([1, 2, 3, 4]),
  /** Epoch ms of the answer. */
  at: EpochMs,
  mode: v.picklist(REVIEW_MODES),
  device: SyncId,
  /** The desired retention in force, so every device schedules the answer the same way. */
  retention: v.pipe(v.number(), v.finite(), v.minValue(0.5), v.maxValue(0.99)),
  /** How long the answer took, ms. */
  ms: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(86_400_000)),
  /** `false` on a practice test's answer that left the schedule alone (kept, never replayed). */
  scheduled: v.optional(v.literal(false))
})
export type ReviewLine = v.InferOutput<typeof ReviewLineSchema>

export const EVENT_KINDS = ['suspend', 'unsuspend', 'bury', 'undo', 'reset'] as const
/** What else changes a card: its flags, the undo of a review, a reset to new. */
export type EventKind = (typeof EVENT_KINDS)[number]

/** One card event, as a line of `events-<year>.jsonl`. */
export const EventLineSchema = v.pipe(
  v.strictObject({
    id: SyncId,
    card: CardId,
    kind: v.picklist(EVENT_KINDS),
    at: EpochMs,
    device: SyncId,
    /** bury: until when (0 lifts a bury). */
    until: v.optional(EpochMs),
    /** undo: the id of the review undone. */
    review: v.optional(SyncId)
  }),
  v.check((e) => e.kind !== 'undo' || e.review !== undefined, 'an undo names its review'),
  v.check((e) => e.kind !== 'bury' || e.until !== undefined, 'a bury says until when')
)
export type EventLine = v.InferOutput<typeof EventLineSchema>

/** The settings that follow the student, with what each may hold. */
export const SYNCED_SETTINGS = {
  'study.retention': v.pipe(v.number(), v.finite(), v.minValue(0.7), v.maxValue(0.99)),
  'study.newPerDay': v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9999)),
  'study.newOrder': v.pipe(v.string(), v.maxLength(40)),
  'study.buryNew': v.boolean(),
  'study.buryReview': v.boolean()
} as const
export type SyncedSettingKey = keyof typeof SYNCED_SETTINGS

/** Whether a settings key follows the student to other devices. */
export function isSyncedSetting(key: string): key is SyncedSettingKey {
  return Object.hasOwn(SYNCED_SETTINGS, key)
}

/** `settings.json`: each synced setting with the time it was set. */
export const SettingsFileSchema = v.strictObject({
  device: SyncId,
  settings: v.record(
    v.pipe(v.string(), v.maxLength(100)),
    v.strictObject({ value: v.unknown(), at: EpochMs })
  )
})
export type SettingsFile = v.InferOutput<typeof SettingsFileSchema>

/** A setting of another device, checked against what that setting may hold. */
export function validSetting(key: string, value: unknown): boolean {
  return isSyncedSetting(key) && v.is(SYNCED_SETTINGS[key], value)
}

/** The longest line read; anything longer is refused (a real line is about 200 bytes). */
export const MAX_LINE_CHARS = 4096
/** The largest file read (a year of 100,000 reviews is about 20 MB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024

/** A line that was not applied, and why. */
export interface LineIssue {
  file: string
  line: number
  message: string
}

export interface ParsedLines<T> {
  rows: T[]
  issues: LineIssue[]
  /** Characters of the text made of whole lines (an unterminated last line is left for later). */
  consumed: number
  /** Lines consumed, so a later read from `consumed` numbers its lines on. */
  lines: number
}

function describe(issues: v.BaseIssue<unknown>[]): string {
  const issue = issues[0]
  if (!issue) return 'not valid'
  const path = v.getDotPath(issue)
  return path ? `${path}: ${issue.message}` : issue.message
}

/**
 * Parses JSON lines: every terminated line is validated; an empty line is skipped, a bad one
 * reported with its file and number; an unterminated last line (a file still being synced) is
 * neither read nor reported. `firstLine` numbers lines on from an earlier read.
 */
export function parseLines<T>(
  text: string,
  schema: v.GenericSchema<unknown, T>,
  file: string,
  firstLine = 1
): ParsedLines<T> {
  const end = text.lastIndexOf('\n') + 1
  const rows: T[] = []
  const issues: LineIssue[] = []
  let start = 0
  let line = firstLine
  while (start < end) {
    const stop = text.indexOf('\n', start)
    const raw = text.slice(start, stop).trim()
    start = stop + 1
    const at = line++
    if (!raw) continue
    if (raw.length > MAX_LINE_CHARS) {
      issues.push({ file, line: at, message: `line longer than ${MAX_LINE_CHARS} characters` })
      continue
    }
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      issues.push({ file, line: at, message: 'not JSON' })
      continue
    }
    const parsed = v.safeParse(schema, json)
    if (parsed.success) rows.push(parsed.output)
    else issues.push({ file, line: at, message: describe(parsed.issues) })
  }
  return { rows, issues, consumed: end, lines: line - firstLine }
}

/** A device's folder, relative to the sync folder. */
export function deviceFolder(device: string): string {
  return `devices/${device}`
}

/** The file a device appends a line of a kind to, by the UTC year of its time. */
export function logFileName(kind: 'reviews' | 'events', at: number): string {
  return `${kind}-${new Date(at).getUTCFullYear()}.jsonl`
}

/**
 * What a file in a device's folder holds, by its name: the device's own log files and the copies
 * sync engines make in a conflict (`reviews-2026 (conflicted copy).jsonl`,
 * `reviews-2026.sync-conflict-20260101-120000-ABCDEFG.jsonl`, `events-2026 (1).jsonl`) are logs;
 * anything else is ignored.
 */
export function logKindOf(name: string): 'reviews' | 'events' | null {
  const match = /^(reviews|events)-\d{4}(?:[ .][^/\\]*)?\.jsonl$/.exec(name)
  return match ? (match[1] as 'reviews' | 'events') : null
}

/** Whether a name is a device's settings file or one of its conflict copies. */
export function isSettingsFile(name: string): boolean {
  return /^settings(?:[ .][^/\\]*)?\.json$/.test(name)
}

/** A device folder's name is a device id; nothing else in `devices/` is read. */
export function isDeviceName(name: string): boolean {
  return v.is(SyncId, name)
}

/** One JSON line, newline-terminated. */
export function toLine(row: ReviewLine | EventLine): string {
  return JSON.stringify(row) + '\n'
}

/** A card event as the database keeps it (this device's and those imported from others). */
export interface CardEventRow {
  /** Local order of arrival: this device's new events are those after the last one written. */
  seq?: number
  uid: string
  cardId: string
  kind: EventKind
  at: number
  device: string
  until?: number
  review?: string
}

/** A card event row as a line of the folder. */
export function eventLine(row: CardEventRow): EventLine {
  const line: EventLine = {
    id: row.uid,
    card: row.cardId,
    kind: row.kind,
    at: row.at,
    device: row.device
  }
  if (row.until !== undefined) line.until = row.until
  if (row.review !== undefined) line.review = row.review
  return line
}

/** A line of the folder as a card event row. */
export function eventRow(line: EventLine): CardEventRow {
  const row: CardEventRow = {
    uid: line.id,
    cardId: line.card,
    kind: line.kind,
    at: line.at,
    device: line.device
  }
  if (line.until !== undefined) row.until = line.until
  if (line.review !== undefined) row.review = line.review
  return row
}
