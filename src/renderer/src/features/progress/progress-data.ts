/** Everything the progress view shows, read from the database in one transaction and prepared. */
import type { Pack } from '$shared/pack-schema'
import type { StudyDatabase } from '../../db/database'
import { generateCards } from '../../domain/cards'
import {
  countByState,
  currentStreak,
  dueForecast,
  heatmapDays,
  masteryShares,
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
  byEra: ShareRow[]
  byTheme: ShareRow[]
}

/** Reads card rows and logs and computes every statistic of the view. */
export async function loadProgress(
  db: StudyDatabase,
  pack: Pack,
  now = Date.now()
): Promise<ProgressData> {
  const [rows, logs] = await db.transaction('r', db.cards, db.reviewLogs, () =>
    Promise.all([db.cards.toArray(), db.reviewLogs.toArray()])
  )
  const shares = masteryShares(rows, generateCards(pack), now)
  const byEra = pack.eras
    .map((era) => ({
      id: era.id,
      label: era.label,
      ...(shares.byEra.get(era.id) ?? { mastered: 0, total: 0 })
    }))
    .filter((r) => r.total > 0)
  const byTheme = THEMES.map((theme) => ({
    id: theme,
    label: THEME_LABELS[theme],
    ...(shares.byTheme.get(theme) ?? { mastered: 0, total: 0 })
  })).filter((r) => r.total > 0)
  return {
    reviews: logs.length,
    cards: rows.length,
    heatmap: heatmapDays(logs, now),
    forecast: dueForecast(rows, now),
    retention: trueRetention(logs, now),
    states: countByState(rows),
    streak: currentStreak(logs, now),
    time: timeSpent(logs, now),
    byEra,
    byTheme
  }
}

/** "87 %", or "—" when there is nothing to measure. */
export function percent(share: number | undefined): string {
  return share === undefined ? '—' : `${Math.round(share * 100)} %`
}
