import { describe, expect, it } from 'vitest'
import { toCardRow, type CardRow, type CardState, type ReviewLogRow } from './card-state'
import { newCardState, schedule, type Rating } from './scheduler'
import {
  addDays,
  countByState,
  currentStreak,
  dayKey,
  dueForecast,
  heatmapDays,
  isMastered,
  masteryShares,
  timeSpent,
  toFractions,
  trueRetention
} from './stats'
import type { StudyCard } from './study-card'

const DAY = 86_400_000
/** Local time, so the tests hold in any time zone. */
const at = (y: number, m: number, d: number, h = 12, min = 0) =>
  new Date(y, m - 1, d, h, min).getTime()
const NOW = at(2026, 3, 10, 15)

function row(id: string, state: CardState, flags: Partial<CardRow> = {}): CardRow {
  return toCardRow({ id, ...state, suspended: 0, buriedUntil: 0, retired: 0, ...flags })
}

let nextId = 1
/** A log as the app writes it: `before` is the state the answer started from. */
function log(
  cardId: string,
  reviewedAt: number,
  rating: Rating,
  before: Partial<CardState> = {},
  durationMs = 5000
): ReviewLogRow {
  return {
    id: nextId++,
    cardId,
    rating,
    reviewedAt,
    durationMs,
    mode: 'flip',
    retention: 0.9,
    before: { ...newCardState(reviewedAt), ...before }
  }
}
const inReview = (scheduledDays: number) => ({ state: 2 as const, scheduledDays })

/** Answers a new card with ratings, each when it falls due; returns the state and the logs. */
function study(id: string, start: number, ratings: Rating[]) {
  let state = newCardState(start)
  let now = start
  const logs: ReviewLogRow[] = []
  for (const rating of ratings) {
    logs.push({ ...log(id, now, rating), before: state })
    state = schedule(state, rating, now, 0.9)
    now = Math.max(state.due, now + 60_000)
  }
  return { state, logs }
}

describe('days in local time', () => {
  it('keys a time by its local calendar day, either side of midnight', () => {
    expect(dayKey(at(2026, 3, 9, 23, 59))).toBe('2026-03-09')
    expect(dayKey(at(2026, 3, 10, 0, 0))).toBe('2026-03-10')
    expect(addDays(at(2026, 12, 31, 18), 1)).toBe(at(2027, 1, 1, 0))
  })
})

describe('currentStreak', () => {
  const cases: { name: string; days: number[]; now: number; streak: number }[] = [
    { name: 'no reviews', days: [], now: NOW, streak: 0 },
    { name: 'only today', days: [at(2026, 3, 10, 9)], now: NOW, streak: 1 },
    {
      name: 'three days ending today',
      days: [at(2026, 3, 8), at(2026, 3, 9), at(2026, 3, 10, 8)],
      now: NOW,
      streak: 3
    },
    {
      name: 'ending yesterday, nothing yet today: still alive',
      days: [at(2026, 3, 8), at(2026, 3, 9, 23, 59)],
      now: NOW,
      streak: 2
    },
    {
      name: 'last review the day before yesterday: broken',
      days: [at(2026, 3, 7), at(2026, 3, 8)],
      now: NOW,
      streak: 0
    },
    {
      name: 'a gap breaks it',
      days: [at(2026, 3, 6), at(2026, 3, 8), at(2026, 3, 9), at(2026, 3, 10)],
      now: NOW,
      streak: 3
    },
    {
      name: 'a review at 23:59 and one at 00:01 are two days',
      days: [at(2026, 3, 9, 23, 59), at(2026, 3, 10, 0, 1)],
      now: at(2026, 3, 10, 0, 2),
      streak: 2
    },
    {
      name: 'two reviews on one day are one day',
      days: [at(2026, 3, 10, 0, 1), at(2026, 3, 10, 23, 58)],
      now: at(2026, 3, 10, 23, 59),
      streak: 1
    },
    {
      name: 'just after midnight, yesterday still counts',
      days: [at(2026, 3, 9, 10)],
      now: at(2026, 3, 10, 0, 0),
      streak: 1
    }
  ]
  for (const c of cases) {
    it(c.name, () => {
      expect(
        currentStreak(
          c.days.map((t) => log('a', t, 3)),
          c.now
        )
      ).toBe(c.streak)
    })
  }
})

describe('trueRetention', () => {
  it('counts only the first answer of the day to a card in Review state', () => {
    const logs = [
      // Card a, young: failed first, then passed the same day: counts as one failure.
      log('a', at(2026, 3, 10, 9), 1, inReview(5)),
      log('a', at(2026, 3, 10, 9, 10), 3, { state: 3, scheduledDays: 0 }),
      // Card b, mature, passed with Hard (a pass).
      log('b', at(2026, 3, 10, 10), 2, inReview(30)),
      // Card c in learning: never counts.
      log('c', at(2026, 3, 10, 11), 1, { state: 1 }),
      // Card d: new: never counts.
      log('d', at(2026, 3, 10, 11), 3),
      // Card e, exactly 21 days: mature, passed.
      log('e', at(2026, 3, 10, 12), 4, inReview(21)),
      // Card f, 20 days: young, passed.
      log('f', at(2026, 3, 10, 12), 3, inReview(20))
    ]
    const today = trueRetention(logs, NOW).find((r) => r.period === 'today')!
    expect(today.young).toEqual({ passed: 1, total: 2, rate: 0.5 })
    expect(today.mature).toEqual({ passed: 2, total: 2, rate: 1 })
    expect(today.total).toEqual({ passed: 3, total: 4, rate: 0.75 })
  })

  it('splits the periods at local midnights and keeps small samples visible as counts', () => {
    const logs = [
      log('a', at(2026, 3, 10, 0, 1), 3, inReview(3)), // today
      log('a', at(2026, 3, 9, 23, 59), 1, inReview(3)), // yesterday: a different day, counts
      log('b', at(2026, 3, 4, 0, 0), 3, inReview(40)), // 6 days ago at midnight: in the week
      log('b', at(2026, 3, 3, 23, 59), 1, inReview(40)), // 7 days ago: not in the week
      log('c', at(2026, 2, 9, 12), 3, inReview(40)), // 29 days ago: in the month
      log('c', at(2025, 1, 1, 12), 1, inReview(40)) // long ago
    ]
    const rows = Object.fromEntries(trueRetention(logs, NOW).map((r) => [r.period, r]))
    expect(rows.today!.total).toEqual({ passed: 1, total: 1, rate: 1 })
    expect(rows.week!.total).toEqual({ passed: 2, total: 3, rate: 2 / 3 })
    expect(rows.month!.total).toEqual({ passed: 3, total: 5, rate: 3 / 5 })
    expect(rows.all!.total).toEqual({ passed: 3, total: 6, rate: 0.5 })
    expect(rows.today!.mature).toEqual({ passed: 0, total: 0, rate: undefined })
  })
})

describe('dueForecast', () => {
  const today = at(2026, 3, 10, 0)
  it('puts overdue cards in today and each card in its local day; skips new, suspended, retired', () => {
    const base = newCardState(today)
    const cards = [
      row('overdue', { ...base, state: 2, due: at(2026, 3, 1) }),
      row('tonight', { ...base, state: 2, due: at(2026, 3, 10, 23, 59) }),
      row('tomorrow', { ...base, state: 2, due: at(2026, 3, 11, 0, 0) }),
      row('learning', { ...base, state: 1, due: at(2026, 3, 11, 8) }),
      row('day29', { ...base, state: 2, due: at(2026, 4, 8, 20) }),
      row('day30', { ...base, state: 2, due: at(2026, 4, 9, 1) }),
      row('new', base),
      row('suspended', { ...base, state: 2, due: today }, { suspended: 1 }),
      row('retired', { ...base, state: 2, due: today }, { retired: 1 }),
      row('buried', { ...base, state: 2, due: today }, { buriedUntil: at(2026, 3, 12, 4) })
    ]
    const forecast = dueForecast(cards, NOW)
    expect(forecast).toHaveLength(30)
    expect(forecast[0]).toEqual({ offset: 0, key: '2026-03-10', count: 2 })
    expect(forecast[1]).toEqual({ offset: 1, key: '2026-03-11', count: 2 })
    expect(forecast[2]!.count).toBe(1)
    expect(forecast[29]).toEqual({ offset: 29, key: '2026-04-08', count: 1 })
    expect(forecast.reduce((s, d) => s + d.count, 0)).toBe(6)
  })
})

describe('countByState and timeSpent', () => {
  it('counts each card once, flags first', () => {
    const s = newCardState(NOW)
    const counts = countByState([
      row('a', s),
      row('b', { ...s, state: 1 }),
      row('c', { ...s, state: 2 }),
      row('d', { ...s, state: 2 }),
      row('e', { ...s, state: 3 }),
      row('f', { ...s, state: 2 }, { suspended: 1 }),
      row('g', { ...s, state: 2 }, { retired: 1, suspended: 1 })
    ])
    expect(counts).toEqual({
      new: 1,
      learning: 1,
      review: 2,
      relearning: 1,
      suspended: 1,
      retired: 1
    })
  })

  it('sums durations today (local) and in total', () => {
    const logs = [
      log('a', at(2026, 3, 9, 23, 59), 3, {}, 10_000),
      log('a', at(2026, 3, 10, 0, 0), 3, {}, 4_000),
      log('b', at(2026, 3, 10, 14), 3, {}, 6_000)
    ]
    expect(timeSpent(logs, NOW)).toEqual({
      todayMs: 10_000,
      totalMs: 20_000,
      reviewsToday: 2,
      reviewsTotal: 3
    })
  })
})

describe('heatmapDays', () => {
  it('lays out a year of days in week columns ending today, with counts', () => {
    const logs = [log('a', at(2026, 3, 10, 9), 3), log('b', at(2026, 3, 10, 10), 3)]
    const days = heatmapDays(logs, NOW)
    const last = days.at(-1)!
    expect(last.key).toBe('2026-03-10')
    expect(last.count).toBe(2)
    expect(last.weekday).toBe(new Date(NOW).getDay())
    expect(days[0]!.weekday).toBe(0)
    expect(last.week).toBe(52)
    expect(days.length).toBe(52 * 7 + new Date(NOW).getDay() + 1)
    expect(days.filter((d) => d.count > 0)).toHaveLength(1)
  })
})

describe('isMastered', () => {
  it('does not count a card just failed, or still in its learning steps, as mastered', () => {
    const failed = study('failed', NOW - 60_000, [1]).state
    expect(failed.state).toBe(1)
    expect(isMastered(failed, NOW)).toBe(false)
    const relearning = study('relearning', NOW - 30 * DAY, [3, 3, 1]).state
    expect(relearning.state).toBe(3)
    expect(isMastered(relearning, relearning.lastReview! + 60_000)).toBe(false)
  })

  it('counts a review card recalled with 90 % or more today', () => {
    const known = study('known', NOW - 3 * DAY, [3, 3]).state
    expect(known.state).toBe(2)
    expect(isMastered(known, NOW)).toBe(true)
  })
})

describe('masteryShares', () => {
  const card = (id: string, extra: Partial<StudyCard>): StudyCard => ({
    id,
    noteId: id,
    kind: 'event-what',
    question: 'q',
    answer: 'a',
    accept: [],
    era: 'soviet-union',
    themes: ['diplomacy'],
    paragraphId: 'p1',
    entityIds: [],
    citations: [],
    ...extra
  })

  it('shares cards with retrievability ≥ 90 % per era, theme, event and paragraph', () => {
    const start = NOW - 3 * DAY
    const known = study('known', start, [3, 3]) // a review card due days from now
    const lapsed = study('lapsed', start - 400 * DAY, [3, 3]) // long overdue: forgotten
    const cards = [
      card('known', { eventId: 'e1', themes: ['diplomacy', 'space'] }),
      card('lapsed', { eventId: 'e1' }),
      card('never', { era: 'early-contact', paragraphId: 'p2' }),
      card('not-in-db', { era: 'early-contact', paragraphId: 'p3' })
    ]
    // The ids the database's masteredUntil index gives at NOW (a retired card is not in the pack).
    const mastered = new Set(
      [
        row('known', known.state),
        row('lapsed', lapsed.state),
        row('never', newCardState(start)),
        row('gone-from-pack', known.state)
      ]
        .filter((r) => r.masteredUntil > NOW)
        .map((r) => r.id)
    )
    expect(mastered).toEqual(new Set(['known', 'gone-from-pack']))
    const shares = masteryShares(cards, mastered)
    expect(shares.byEra.get('soviet-union')).toEqual({ mastered: 1, total: 2 })
    // "never" and "not-in-db" (a card not studied yet) count, unmastered.
    expect(shares.byEra.get('early-contact')).toEqual({ mastered: 0, total: 2 })
    expect(shares.byTheme.get('space')).toEqual({ mastered: 1, total: 1 })
    expect(shares.byTheme.get('diplomacy')).toEqual({ mastered: 1, total: 4 })
    expect(toFractions(shares.byEvent).get('e1')).toBe(0.5)
    expect(toFractions(shares.byParagraph)).toEqual(
      new Map([
        ['p1', 0.5],
        ['p2', 0],
        ['p3', 0]
      ])
    )
    // With no card studied at all, every paragraph is shown as not mastered yet.
    expect([...toFractions(masteryShares(cards, new Set()).byParagraph).values()]).toEqual([
      0, 0, 0
    ])
  })
})
