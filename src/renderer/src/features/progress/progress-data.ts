/** Everything the progress view shows, read from the database in one transaction and prepared. */
import type { Pack } from '$shared/pack-schema'
import type { StudyDatabase } from '../../db/database'
import {
  countByState,
  currentStreak,
  dueForecast,
  heatmapDays,
  timeSpent,
  trueRetention,
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

/** Reads card rows and logs and computes every statistic of the view. */
export async function loadProgress(db: StudyDatabase, now = Date.now()): Promise<ProgressData> {
  const [rows, logs] = await db.transaction('r', db.cards, db.reviewLogs, () =>
    Promise.all([db.cards.toArray(), db.reviewLogs.toArray()])
  )
  return {
    reviews: logs.length,
    cards: rows.length,
    heatmap: heatmapDays(logs, now),
    forecast: dueForecast(rows, now),
    retention: trueRetention(logs, now),
    states: countByState(rows),
    streak: currentStreak(logs, now),
    time: timeSpent(logs, now)
  }
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
