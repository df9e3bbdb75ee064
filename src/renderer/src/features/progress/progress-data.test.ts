import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StudyDatabase } from '../../db/database'
import { syncCardIds } from '../../db/study-store'
import { newCardState } from '../../domain/scheduler'
import type { ReviewLogRow } from '../../domain/card-state'
import { ProgressReader, loadProgress } from './progress-data'

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
