/**
 * A practice test's logs that left the schedule alone, in a real (fake-indexeddb) database: the
 * cards are untouched, Check data leaves them out of its replay, the new-card count of the day
 * ignores them, and a backup carries them over as they are.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { changedSchedule } from '../domain/card-state'
import { totalsOf } from '../domain/log-totals'
import { exportBackup, importBackup } from './backup'
import { checkData } from './check-data'
import { StudyDatabase } from './database'
import { syncCardIds } from './card-sync'
import { answerCard, newIntroducedSince } from './study-store'
import { logPracticeTest } from './test-log'

const T0 = Date.UTC(2026, 2, 1, 9)
let counter = 0
const open: StudyDatabase[] = []
async function freshDb(): Promise<StudyDatabase> {
  const db = new StudyDatabase(`test-log-${Date.now()}-${counter++}`)
  open.push(db)
  await db.open()
  return db
}
afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

/** A database where card `a` was studied twice and `b` and `c` are new. */
async function studied(): Promise<StudyDatabase> {
  const db = await freshDb()
  await syncCardIds(['a', 'b', 'c'], T0, db)
  const base = { mode: 'flip' as const, retention: 0.9, durationMs: 2000 }
  await answerCard({ ...base, cardId: 'a', rating: 3, now: T0 + 1000 }, db)
  await answerCard({ ...base, cardId: 'a', rating: 3, now: T0 + 700_000 }, db)
  return db
}

const practice = (cardId: string, rating: 1 | 3, reviewedAt: number) => ({
  cardId,
  rating,
  reviewedAt,
  durationMs: 5000,
  retention: 0.9
})

describe('the logs of a practice test not counted', () => {
  it('are written marked as a test, and no card changes', async () => {
    const db = await studied()
    const before = await db.cards.toArray()
    const T1 = T0 + 3_600_000
    const ids = await logPracticeTest(
      [practice('a', 1, T1), practice('b', 3, T1 + 1000), practice('c', 1, T1 + 2000)],
      db
    )
    expect(ids).toHaveLength(3)
    expect(await db.cards.toArray()).toEqual(before)
    const logs = await db.reviewLogs.bulkGet(ids)
    for (const [i, log] of logs.entries()) {
      expect(log).toMatchObject({ mode: 'test', scheduled: false, cardId: before[i]!.id })
      // The state the card keeps is the one logged before the answer.
      expect(log!.before.state).toBe(before[i]!.state)
      expect(changedSchedule(log!)).toBe(false)
    }
  })

  it('are left out of Check data’s replay, of the new cards of the day and of the reviews', async () => {
    const db = await studied()
    const T1 = T0 + 3_600_000
    const newBefore = await newIntroducedSince(T0, db)
    await logPracticeTest([practice('a', 1, T1), practice('b', 1, T1), practice('c', 3, T1)], db)
    const report = await checkData(db)
    expect(report).toMatchObject({ checked: 3, repaired: 0, repairedLogs: 0 })
    expect(await newIntroducedSince(T0, db)).toBe(newBefore)
    const totals = totalsOf(await db.reviewLogs.toArray())
    expect(totals.count).toBe(2)
    expect(totals.practice).toBe(3)
    expect([...totals.days.values()].reduce((n, d) => n + d.count, 0)).toBe(2)
  })

  it('survive a backup and its import as they were', async () => {
    const db = await studied()
    await logPracticeTest([practice('b', 1, T0 + 3_600_000)], db)
    const text = JSON.stringify(await exportBackup(db, T0 + 4_000_000))
    const other = await freshDb()
    const result = await importBackup(other, text, 'test', T0 + 5_000_000)
    expect(result.ok).toBe(true)
    expect(await other.reviewLogs.toArray()).toEqual(await db.reviewLogs.toArray())
    expect((await other.reviewLogs.toArray()).filter((l) => !changedSchedule(l))).toHaveLength(1)
    expect(await checkData(other)).toMatchObject({ repaired: 0, repairedLogs: 0 })
  })

  it('would be taken for answers by Check data if they were not marked', async () => {
    // The mark is what keeps Check data from "repairing" the card to the test's answer.
    const db = await studied()
    const [id] = await logPracticeTest([practice('b', 3, T0 + 3_600_000)], db)
    await db.reviewLogs.update(id!, { scheduled: undefined })
    const report = await checkData(db)
    expect(report.repairedIds).toEqual(['b'])
  })
})
