/**
 * Everything the progress view shows, read from the database and prepared, without reading every
 * row: the card figures are index counts (card-figures.ts); the review logs are day totals kept
 * between reads and between runs of the app (totals-cache.ts). Each read sums only today's rows,
 * plus the days since the totals were made; every row only when the older ones changed (a
 * restore, a reset) or no totals were kept.
 */
import type { Pack } from '$shared/pack-schema'
import { LOGS_CHANGED, type StudyDatabase } from '../../db/database'
import { startOfDay } from '../../domain/days'
import { emptyTotals, foldLogs, mergeTotals, type LogTotals } from '../../domain/log-totals'
import {
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
import { cardFigures } from './card-figures'
import { CardMirror, type CardChanges } from './card-mirror'
import { TotalsCache, type StoredTotals } from './totals-cache'

export interface ShareRow extends Share {
  id: string
  label: string
}

export interface ProgressData {
  reviews: number
  /** Practice-test answers that left the schedule alone (not among the reviews). */
  practice: number
  cards: number
  heatmap: HeatmapDay[]
  forecast: ForecastDay[]
  retention: RetentionRow[]
  states: StateCounts
  streak: number
  time: TimeSpent
}

/**
 * Rows read at a time when the older logs are summed again. Each chunk is a read of its own: an
 * answer saved meanwhile (a write to the same table) waits for one chunk at most, not for the
 * whole sum (a million rows took five seconds, and the next card waited behind the answer).
 */
const CHUNK = 5_000

/**
 * The mark of the logs before a day: the first row and the latest one before that day, and how
 * many times a sync changed the logs. Answers only add rows today and undo only removes today's,
 * so a new mark means a restore, a reset or a sync.
 */
async function markBefore(db: StudyDatabase, dayStart: number): Promise<string> {
  const synced = String((await db.syncMeta.get(LOGS_CHANGED))?.value)
  const [first, last] = await Promise.all([
    db.reviewLogs.orderBy(':id').first(),
    db.reviewLogs.where('reviewedAt').below(dayStart).last()
  ])
  return `${first?.id}:${last?.id}:${last?.reviewedAt}:${synced}`
}

/**
 * The totals of every log row before a day, read in chunks by primary key up to the last row there
 * is when it begins: rows added meanwhile are today's answers (left out anyway) or a restore's or a
 * sync's, which change the mark; a sum never chases a table being filled.
 */
async function sumAllBefore(db: StudyDatabase, dayStart: number): Promise<LogTotals> {
  const totals = emptyTotals()
  const end = await db.reviewLogs.orderBy(':id').lastKey()
  let after = 0
  while (end !== undefined && after < Number(end)) {
    const chunk = await db.reviewLogs
      .where(':id')
      .between(after, end, false, true)
      .limit(CHUNK)
      .toArray()
    if (chunk.length === 0) break
    foldLogs(
      totals,
      chunk.filter((log) => log.reviewedAt < dayStart)
    )
    after = chunk.at(-1)!.id!
  }
  return mergeTotals(totals, emptyTotals())
}

/**
 * The totals of every log row before a day with their mark. The chunks are read apart, so the
 * mark is taken before and after: the same mark means no restore, reset or sync changed the older
 * rows meanwhile (answers and undo only touch today's, which the sum leaves out). Otherwise the
 * totals are given without a mark, so they are never kept and the next read sums again; it is not
 * begun again at once, while whatever rewrites the logs is still at it (its commit makes the
 * progress view read again).
 */
async function sumWithMark(db: StudyDatabase, dayStart: number): Promise<StoredTotals> {
  const mark = await markBefore(db, dayStart)
  const totals = await sumAllBefore(db, dayStart)
  const still = (await markBefore(db, dayStart)) === mark
  return { dayStart, mark: still ? mark : '', totals }
}

/** The progress figures of one database, with the totals of the logs before today kept. */
export class ProgressReader {
  #kept: StoredTotals | undefined
  #loaded = false
  readonly #cache: TotalsCache | undefined
  readonly #mirror: CardMirror

  /** `cache`: where totals outlive the app's run (by default beside the database; none: false). */
  constructor(
    private readonly db: StudyDatabase,
    cache: TotalsCache | false = new TotalsCache(db.name)
  ) {
    this.#cache = cache || undefined
    this.#mirror = new CardMirror(db)
  }

  /**
   * Every statistic of the view at `now`. With `changes` (the cards written since the last read,
   * or 'all'), the card figures come from rows kept in memory and brought up to date; without,
   * from index counts.
   */
  read = async (now = Date.now(), changes?: CardChanges): Promise<ProgressData> => {
    const db = this.db
    // Noted before any wait, so reads asked one after another note their changes in order.
    if (changes) this.#mirror.note(changes)
    const dayStart = startOfDay(now)
    const before = await this.#before(dayStart)
    const [today, cards] = await Promise.all([
      db.reviewLogs.where('reviewedAt').aboveOrEqual(dayStart).toArray(),
      changes ? this.#mirror.figures(now) : cardFigures(db, now)
    ])
    const logs = mergeTotals(before, foldLogs(emptyTotals(), today))
    return {
      reviews: logs.count,
      practice: logs.practice,
      cards: cards.cards,
      heatmap: heatmapFromTotals(logs.days, now),
      forecast: cards.forecast,
      retention: retentionFromTotals(logs.days, now),
      states: cards.states,
      streak: streakFromTotals(logs.days, now),
      time: timeFromTotals(logs, now)
    }
  }

  /**
   * The totals of the logs before `dayStart`: the ones kept when their logs are unchanged, with
   * the whole days since they were made added; else every row summed again.
   */
  async #before(dayStart: number): Promise<LogTotals> {
    if (!this.#loaded) {
      this.#loaded = true
      this.#kept = await this.#cache?.load()
    }
    const db = this.db
    const kept = this.#kept
    const usable = kept !== undefined && kept.dayStart <= dayStart
    const added =
      usable &&
      (await db.transaction('r', db.reviewLogs, db.syncMeta, async () => {
        // The days since the totals were made, read with the mark that says the totals hold.
        if ((await markBefore(db, kept.dayStart)) !== kept.mark) return undefined
        if (kept.dayStart === dayStart) return kept
        const days = await db.reviewLogs
          .where('reviewedAt')
          .between(kept.dayStart, dayStart, true, false)
          .toArray()
        return {
          dayStart,
          mark: await markBefore(db, dayStart),
          totals: mergeTotals(kept.totals, foldLogs(emptyTotals(), days))
        }
      }))
    const next = added || (await sumWithMark(db, dayStart))
    if (next !== kept) {
      this.#kept = next
      // Totals with no mark are never used again: nothing to keep for a later run.
      if (next.mark) await this.#cache?.save(next)
    }
    return next.totals
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
