import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LOGS_CHANGED, StudyDatabase } from '../../db/database'
import { syncCardIds } from '../../db/card-sync'
import { newCardState } from '../../domain/scheduler'
import { changedSchedule, type CardRow, type ReviewLogRow } from '../../domain/card-state'
import { ProgressReader, loadProgress } from './progress-data'
import {
  countByState,
  currentStreak,
  dueForecast,
  heatmapDays,
  timeSpent,
  trueRetention
} from '../../domain/stats'

const DAY = 86_400_000
const now = new Date(2026, 2, 10, 15).getTime()
let db: StudyDatabase
let counter = 0

beforeEach(async () => {
  db = new StudyDatabase(`progress-data-test-${Date.now()}-${counter++}`)
  await db.open()
  await syncCardIds(['a', 'b', 'c'], now - 30 * DAY, db)
})
afterEach(() => db.close())

function log(cardId: string, reviewedAt: number, rating: 1 | 2 | 3 | 4 = 3): ReviewLogRow {
  const before = { ...newCardState(reviewedAt - DAY), state: 2 as const, scheduledDays: 3 }
  return { cardId, rating, reviewedAt, durationMs: 5000, mode: 'flip', retention: 0.9, before }
}

describe('ProgressReader', () => {
  it('gives the same figures as a fresh read, after answers today and an undone one', async () => {
    await db.reviewLogs.bulkAdd([
      log('a', now - 2 * DAY),
      log('b', now - DAY, 1),
      log('a', now - DAY)
    ])
    const reader = new ProgressReader(db)
    const first = await reader.read(now)
    expect(first.reviews).toBe(3)
    // Yesterday and the day before: the streak waits for today.
    expect(first.streak).toBe(2)

    // Two answers today, then the last one undone (its log row deleted).
    await db.reviewLogs.add(log('c', now - 1000))
    const undone = await db.reviewLogs.add(log('a', now - 500, 1))
    expect((await reader.read(now)).time.reviewsToday).toBe(2)
    await db.reviewLogs.delete(undone)
    const kept = await reader.read(now)
    expect(kept).toEqual(await loadProgress(db, now))
    expect(kept.time.reviewsToday).toBe(1)
    expect(kept.reviews).toBe(4)
    expect(kept.streak).toBe(3)
  })

  it('sums the older logs again when they change (a restore, a reset) or the day turns', async () => {
    await db.reviewLogs.bulkAdd([log('a', now - 3 * DAY), log('b', now - 3 * DAY, 1)])
    const reader = new ProgressReader(db)
    const retention = async (at: number) =>
      (await reader.read(at)).retention.find((r) => r.period === 'all')!.total
    expect(await retention(now)).toEqual({ passed: 1, total: 2, rate: 0.5 })

    // An older row removed behind the reader's back, as a restore does.
    const [oldest] = await db.reviewLogs.orderBy(':id').primaryKeys()
    await db.reviewLogs.delete(oldest!)
    expect(await retention(now)).toEqual({ passed: 0, total: 1, rate: 0 })

    // The next day, today's answers become older ones and are still counted.
    await db.reviewLogs.add(log('c', now - 1000))
    expect((await reader.read(now + DAY)).reviews).toBe(2)
    expect((await reader.read(now + DAY)).time.reviewsToday).toBe(0)
    expect(await retention(now + DAY)).toEqual({ passed: 1, total: 2, rate: 0.5 })

    await db.reviewLogs.clear()
    expect((await reader.read(now + DAY)).reviews).toBe(0)
  })
})

describe('the progress figures at scale: index counts and kept totals', () => {
  /** Cards in every state, suspended, retired and buried, due from ten days ago to forty ahead. */
  async function seedVaried(at: number) {
    const rows = Array.from({ length: 120 }, (_, i): CardRow => ({
      id: `card-${i}`,
      ...newCardState(at - 40 * DAY),
      state: (i % 4) as 0 | 1 | 2 | 3,
      due: at + (((i * 7) % 50) - 10) * DAY + (i % 5) * 3_600_000,
      suspended: i % 11 === 0 ? 1 : 0,
      retired: i % 13 === 0 ? 1 : 0,
      buriedUntil: i % 9 === 0 ? at + ((i % 4) - 1) * DAY : 0,
      masteredUntil: 0
    }))
    await db.cards.clear()
    await db.cards.bulkAdd(rows)
    const logs = Array.from({ length: 400 }, (_, n) => ({
      ...log(
        `card-${n % 120}`,
        at - ((n * 37) % (40 * DAY)) - 1000,
        (1 + (n % 4)) as 1 | 2 | 3 | 4
      ),
      before: {
        ...newCardState(at - 50 * DAY),
        state: (n % 3 === 0 ? 1 : 2) as 1 | 2,
        scheduledDays: n % 40
      },
      // Now and then a practice test's answer that left the schedule alone: counted apart.
      ...(n % 17 === 0 ? { mode: 'test' as const, scheduled: false as const } : {})
    }))
    await db.reviewLogs.bulkAdd(logs)
  }

  /**
   * Opens the database again with a hook on the reads of every log row by primary key (the chunks
   * of a full sum): `onChunk` runs after each (with its count and how many rows it read), outside
   * any transaction of the reader, and the sum goes on once it is done.
   */
  async function reopenWithChunkHook(onChunk: (n: number, rows: number) => Promise<void> | void) {
    db.close()
    db = new StudyDatabase(db.name)
    let chunks = 0
    db.use({
      stack: 'dbcore',
      name: 'hook-log-chunks',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name)
          if (name !== 'reviewLogs') return table
          return {
            ...table,
            query: (request) => {
              const result = table.query(request)
              // A full sum reads rows by primary key in chunks; the mark reads only one row.
              if (request.query.index.name || request.limit === 1) return result
              return result.then((rows) =>
                Promise.resolve(
                  Dexie.ignoreTransaction(() => onChunk(++chunks, rows.result.length))
                ).then(() => rows)
              )
            }
          }
        }
      })
    })
    await db.open()
  }

  /** The figures computed the plain way, from every card row and every log row. */
  async function fromEveryRow(at: number) {
    const rows = await db.cards.toArray()
    const all = await db.reviewLogs.where('reviewedAt').aboveOrEqual(0).toArray()
    const logs = all.filter(changedSchedule)
    return {
      reviews: logs.length,
      practice: all.length - logs.length,
      cards: rows.length,
      heatmap: heatmapDays(logs, at),
      forecast: dueForecast(rows, at),
      retention: trueRetention(logs, at),
      states: countByState(rows),
      streak: currentStreak(logs, at),
      time: timeSpent(logs, at)
    }
  }

  it('equals the figures of every row, in a later run of the app and on the next day', async () => {
    await seedVaried(now)
    expect(await new ProgressReader(db).read(now)).toEqual(await fromEveryRow(now))

    // A later run: the totals kept are used, and no log row is read by primary key (the full sum).
    const fullSums: string[] = []
    await reopenWithChunkHook(() => {
      fullSums.push('by id')
    })
    const later = new ProgressReader(db)
    expect(await later.read(now)).toEqual(await fromEveryRow(now))
    expect(fullSums).toEqual([])

    // The next day, with answers given late today: still the same as every row says.
    await db.reviewLogs.bulkAdd([log('card-5', now + 1000), log('card-6', now + 2000, 1)])
    await db.cards.update('card-7', { buriedUntil: now + 3 * DAY, due: now - DAY, state: 2 })
    expect(await later.read(now + DAY)).toEqual(await fromEveryRow(now + DAY))
    expect(fullSums).toEqual([])
  })

  it('sums every row again when the totals kept belong to other logs (a restore)', async () => {
    await seedVaried(now)
    await new ProgressReader(db).read(now)
    const [firstId] = await db.reviewLogs.orderBy(':id').primaryKeys()
    await db.reviewLogs.delete(firstId!)
    expect(await new ProgressReader(db).read(now)).toEqual(await fromEveryRow(now))
  })

  /** More log rows than one chunk of a full sum reads, all before `at`'s day. */
  async function seedManyLogs(at: number, count = 12_000) {
    await db.reviewLogs.bulkAdd(
      Array.from({ length: count }, (_, n) =>
        log(['a', 'b', 'c'][n % 3]!, at - DAY - (n % 30) * DAY, (1 + (n % 4)) as 1 | 2 | 3 | 4)
      )
    )
  }

  it('sums every row in short reads: an answer saved meanwhile does not wait for the whole sum', async () => {
    await seedManyLogs(now)
    const events: string[] = []
    let answer: Promise<unknown> | undefined
    await reopenWithChunkHook((n) => {
      events.push(`chunk ${n}`)
      if (n === 1) {
        answer = db.reviewLogs.add(log('a', now - 1000)).then(() => events.push('answer saved'))
      }
    })
    const figures = await new ProgressReader(db, false).read(now)
    await answer
    // The answer is saved between two chunks of the sum, not after the last one.
    const saved = events.indexOf('answer saved')
    expect(saved).toBeGreaterThan(0)
    expect(events.slice(saved)).toContain('chunk 3')
    expect(figures.reviews).toBe(12_001)
  })

  it('keeps no totals summed while the older logs changed (a restore): the next read sums again', async () => {
    await seedManyLogs(now)
    await reopenWithChunkHook(async (n) => {
      if (n !== 1) return
      // The first row goes while the sum is half done, as a restore replaces the logs.
      const [firstId] = await db.reviewLogs.orderBy(':id').primaryKeys()
      await db.reviewLogs.delete(firstId!)
    })
    const reader = new ProgressReader(db, false)
    await reader.read(now)
    const figures = await reader.read(now)
    expect(figures.reviews).toBe(11_999)
    expect(figures).toEqual(await fromEveryRow(now))
  })

  it('sums the rows there were when it began; after a sync added older ones, all of them', async () => {
    await seedManyLogs(now)
    let read = 0
    let synced = false
    await reopenWithChunkHook(async (n, rows) => {
      read += rows
      if (n !== 1 || synced) return
      synced = true
      // A sync adds older rows while the sum is under way, and counts the change, as it does.
      await seedManyLogs(now, 6_000)
      await db.syncMeta.put({ key: LOGS_CHANGED, value: 1 })
    })
    const reader = new ProgressReader(db, false)
    await reader.read(now)
    // The sum stopped at the 12,000 rows there were when it began (it did not chase the sync).
    expect(read).toBe(12_000)
    const figures = await reader.read(now)
    expect(figures).toEqual(await fromEveryRow(now))
    expect(figures.reviews).toBe(18_000)
    expect(read).toBe(30_000)
  })
})
