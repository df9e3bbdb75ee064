/**
 * The log totals of the days before today, kept between runs of the app in a small database of
 * their own beside the study database: a cache, not progress (it is not in backups, and a
 * missing, unreadable or outdated one is only summed again from the logs). With it the progress
 * view opens without reading a million log rows each time the app starts.
 */
import Dexie, { type Table } from 'dexie'
import type { DayTotals, LogTotals } from '../../domain/log-totals'

/** Totals of the logs before `dayStart`, and the mark of those logs they were summed from. */
export interface StoredTotals {
  dayStart: number
  mark: string
  totals: LogTotals
}

interface Row {
  key: string
  dayStart: number
  mark: string
  count: number
  /** Practice-test answers that left the schedule alone (a cache without it is summed again). */
  practice: number
  days: [string, DayTotals][]
}

const KEY = 'logs-before-today'
const FIELDS = ['count', 'ms', 'youngPassed', 'youngTotal', 'maturePassed', 'matureTotal'] as const

const isDay = (value: unknown): value is [string, DayTotals] =>
  Array.isArray(value) &&
  typeof value[0] === 'string' &&
  typeof value[1] === 'object' &&
  value[1] !== null &&
  FIELDS.every((f) => Number.isFinite((value[1] as Record<string, unknown>)[f]))

class CacheDatabase extends Dexie {
  totals!: Table<Row, string>

  constructor(name: string) {
    super(name)
    this.version(1).stores({ totals: 'key' })
  }
}

/** The cache of one study database (named after it). Every failure reads as "nothing kept". */
export class TotalsCache {
  readonly #db: CacheDatabase

  constructor(studyDatabaseName: string) {
    this.#db = new CacheDatabase(`${studyDatabaseName}-progress-cache`)
  }

  /** The totals kept, or undefined when there are none or they cannot be read. */
  load = async (): Promise<StoredTotals | undefined> => {
    try {
      const row = await this.#db.totals.get(KEY)
      if (!row || !Number.isFinite(row.dayStart) || typeof row.mark !== 'string') return undefined
      if (!Number.isInteger(row.count) || !Number.isInteger(row.practice)) return undefined
      if (!Array.isArray(row.days) || !row.days.every(isDay)) {
        return undefined
      }
      return {
        dayStart: row.dayStart,
        mark: row.mark,
        totals: {
          days: new Map(row.days),
          count: row.count,
          practice: row.practice,
          seen: new Map()
        }
      }
    } catch {
      return undefined
    }
  }

  /** Keeps the totals (a failure, such as a full disk, only means they are summed again later). */
  save = async ({ dayStart, mark, totals }: StoredTotals): Promise<void> => {
    try {
      await this.#db.totals.put({
        key: KEY,
        dayStart,
        mark,
        count: totals.count,
        practice: totals.practice,
        days: [...totals.days]
      })
    } catch {
      // Nothing to do: the cache is only a shortcut.
    }
  }

  /** Closes the cache's database (tests). */
  close = (): void => this.#db.close()
}
