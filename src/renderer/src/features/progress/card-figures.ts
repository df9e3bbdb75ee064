/**
 * The progress view's card figures (how many cards in each state, and what comes due in the next
 * days) from counts of the state index: the database counts its keys, no card row is read but
 * the few buried past tomorrow. At 100,000 cards that is about a hundred counts instead of
 * reading and decoding 100,000 rows.
 */
import type { StudyDatabase } from '../../db/database'
import type { CardRow } from '../../domain/card-state'
import { addDays, startOfDay } from '../../domain/days'
import type { ForecastDay, StateCounts } from '../../domain/stats'
import { dayKey } from '../../domain/days'

const STATE_INDEX = '[retired+suspended+state+due]'
/** Learning, review and relearning: the states that come due (new cards wait to be introduced). */
const SCHEDULED = [1, 2, 3] as const

/** Which forecast day a due time falls on: 0 for today or overdue, undefined past the last day. */
export function forecastBucket(due: number, bounds: readonly number[]): number | undefined {
  if (due < bounds[1]!) return 0
  for (let i = 1; i < bounds.length - 1; i++) if (due < bounds[i + 1]!) return i
  return undefined
}

/**
 * The forecast from counts per state and day, with the cards buried past tomorrow moved to the
 * day their burial ends (as `dueForecast` over rows does: a card comes back when both its due
 * time and its burial have passed).
 */
export function forecastFromCounts(
  perDay: readonly number[],
  buried: readonly CardRow[],
  bounds: readonly number[]
): ForecastDay[] {
  const counts = [...perDay]
  for (const row of buried) {
    if (row.retired || row.suspended || row.state === 0 || row.buriedUntil <= row.due) continue
    const from = forecastBucket(row.due, bounds)
    const to = forecastBucket(row.buriedUntil, bounds)
    if (from !== undefined) counts[from]!--
    if (to !== undefined) counts[to]!++
  }
  return counts.map((count, offset) => ({ offset, key: dayKey(bounds[offset]!), count }))
}

/** The state counts and the forecast of the next `days` days at `now`, by index counts. */
export async function cardFigures(
  db: StudyDatabase,
  now: number,
  days = 30
): Promise<{ states: StateCounts; forecast: ForecastDay[]; cards: number }> {
  const today = startOfDay(now)
  const bounds = Array.from({ length: days + 1 }, (_, i) => addDays(today, i))
  return db.transaction('r', db.cards, async () => {
    const index = () => db.cards.where(STATE_INDEX)
    const range = (lower: number[], upper: number[], includeUpper = true) =>
      index().between(lower, upper, true, includeUpper).count()
    const [retired, suspended, ...byState] = await Promise.all([
      range([1, -Infinity, -Infinity, -Infinity], [1, Infinity, Infinity, Infinity]),
      range([0, 1, -Infinity, -Infinity], [0, 1, Infinity, Infinity]),
      ...[0, 1, 2, 3].map((state) => range([0, 0, state, -Infinity], [0, 0, state, Infinity]))
    ])
    // Day 0 holds everything overdue; day i the due times in [bounds[i], bounds[i + 1]). A state
    // with no card needs no count by day.
    const counted = SCHEDULED.filter((state) => byState[state]! > 0)
    const perDay = await Promise.all(
      bounds.slice(0, days).map(async (start, i) => {
        const counts = await Promise.all(
          counted.map((state) =>
            range([0, 0, state, i === 0 ? -Infinity : start], [0, 0, state, bounds[i + 1]!], false)
          )
        )
        return counts.reduce((a, b) => a + b, 0)
      })
    )
    const buried = await db.cards.where('buriedUntil').aboveOrEqual(bounds[1]!).toArray()
    const states: StateCounts = {
      new: byState[0]!,
      learning: byState[1]!,
      review: byState[2]!,
      relearning: byState[3]!,
      suspended,
      retired
    }
    const cards = Object.values(states).reduce((a, b) => a + b, 0)
    return { states, forecast: forecastFromCounts(perDay, buried, bounds), cards }
  })
}
