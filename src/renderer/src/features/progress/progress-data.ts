/**
 * Everything the progress view shows, read from the database in one transaction and prepared.
 * The review logs are read as day totals kept between reads: only today's rows are read again,
 * and every row only when the older ones changed (a restore, a reset) or the day turned.
 */
import type { Pack } from '$shared/pack-schema'
import { LOGS_CHANGED, type StudyDatabase } from '../../db/database'
import { startOfDay } from '../../domain/days'
import {
  emptyTotals,
  foldLogs,
  forgetSeen,
  mergeTotals,
  type LogTotals
} from '../../domain/log-totals'
import {
  countByState,
  dueForecast,
  heatmapFromTotals,
  retentionFromTotals,
  streakFromTotals,
  timeFromTotals,
  type ForecastDay,
  type HeatmapDay,
  type RetentionRow,
  type Share,
  type StateCounts,
  type TimeSpent
} from '../../domain/stats'
import { THEME_LABELS, THEMES } from '$shared/pack-schema'

export interface ShareRow extends Share {
  id: string
  label: string
}

export interface ProgressData {
  reviews: number
  cards: number
  heatmap: HeatmapDay[]
  forecast: ForecastDay[]
  retention: RetentionRow[]
  states: StateCounts
  streak: number
  time: TimeSpent
}

/** Rows read at a time when the older logs are summed again. */
const CHUNK = 20_000

/**
 * The progress figures of one database, with the totals of the logs before today kept between
 * reads. Each read is one transaction: the log count, today's logs and the card rows, plus every
 * older log only when their number no longer matches the kept totals.
 */
export class ProgressReader {
  #dayStart = Number.NaN
  #mark = ''
  #before: LogTotals = emptyTotals()

  constructor(private readonly db: StudyDatabase) {}

  /** Every statistic of the view at `now`. */
  read = async (now = Date.now()): Promise<ProgressData> => {
    const db = this.db
    const dayStart = startOfDay(now)
    // Read apart: a sync's own small writes never wait behind this long read. A sync bumps it
    // with its last logs, whose commit makes this run again.
    const synced = await db.syncMeta.get(LOGS_CHANGED)
    const { today, rows } = await db.transaction('r', db.cards, db.reviewLogs, async () => {
      const [first, last, today, rows] = await Promise.all([
        db.reviewLogs.orderBy(':id').first(),
        db.reviewLogs.where('reviewedAt').below(dayStart).last(),
        db.reviewLogs.where('reviewedAt').aboveOrEqual(dayStart).toArray(),
        db.cards.toArray()
      ])
      // The older rows, marked by the first row and the latest one before today: answers only
      // add rows today and undo only removes today's, so a new mark means a restore, a reset or
      // a new day, and every older row is summed again, in chunks. A sync adds older rows and
      // removes undone ones anywhere, and counts each time it does.
      const mark = `${first?.id}:${last?.id}:${last?.reviewedAt}:${String(synced?.value)}`
      if (dayStart !== this.#dayStart || mark !== this.#mark) {
        const before = emptyTotals()
        let after = 0
        for (;;) {
          const chunk = await db.reviewLogs.where(':id').above(after).limit(CHUNK).toArray()
          if (chunk.length === 0) break
          foldLogs(
            before,
            chunk.filter((log) => log.reviewedAt < dayStart)
          )
          after = chunk.at(-1)!.id!
        }
        this.#before = forgetSeen(before, new Set())
        this.#dayStart = dayStart
        this.#mark = mark
      }
      return { today, rows }
    })
    const logs = mergeTotals(this.#before, foldLogs(emptyTotals(), today))
    return {
      reviews: logs.count,
      cards: rows.length,
      heatmap: heatmapFromTotals(logs.days, now),
      forecast: dueForecast(rows, now),
      retention: retentionFromTotals(logs.days, now),
      states: countByState(rows),
      streak: streakFromTotals(logs.days, now),
      time: timeFromTotals(logs, now)
    }
  }
}

/** Reads card rows and logs and computes every statistic of the view (no totals kept). */
export async function loadProgress(db: StudyDatabase, now = Date.now()): Promise<ProgressData> {
  return new ProgressReader(db).read(now)
}

/** The mastery bars: each era and theme of the pack that has cards, in the pack's order. */
export function shareRows(
  pack: Pack,
  byEra: ReadonlyMap<string, Share>,
  byTheme: ReadonlyMap<string, Share>
): { byEra: ShareRow[]; byTheme: ShareRow[] } {
  const none = { mastered: 0, total: 0 }
  return {
    byEra: pack.eras
      .map((era) => ({ id: era.id, label: era.label, ...(byEra.get(era.id) ?? none) }))
      .filter((r) => r.total > 0),
    byTheme: THEMES.map((theme) => ({
      id: theme,
      label: THEME_LABELS[theme],
      ...(byTheme.get(theme) ?? none)
    })).filter((r) => r.total > 0)
  }
}

/** "87 %", or "—" when there is nothing to measure. */
export function percent(share: number | undefined): string {
  return share === undefined ? '—' : `${Math.round(share * 100)} %`
}
