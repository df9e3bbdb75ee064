import { afterEach, describe, expect, it } from 'vitest'
import { toCardRow } from '../domain/card-state'
import { newCardState, schedule, type Rating } from '../domain/scheduler'
import { checkData } from './check-data'
import { StudyDatabase, type CardRow } from './database'

const T0 = Date.UTC(2026, 2, 1, 9)
let counter = 0
const open: StudyDatabase[] = []
function freshDb(): StudyDatabase {
  const db = new StudyDatabase(`check-test-${Date.now()}-${counter++}`)
  open.push(db)
  return db
}
afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

/** Answers a card through the real scheduler, writing the row and its logs as the app does. */
async function studied(
  db: StudyDatabase,
  id: string,
  ratings: Rating[],
  flags: Partial<CardRow> = {}
) {
  let state = newCardState(T0)
  let now = T0 + 5000
  for (const rating of ratings) {
    await db.reviewLogs.add({
      cardId: id,
      rating,
      reviewedAt: now,
      durationMs: 3000,
      mode: 'flip',
      retention: 0.9,
      before: state
    })
    state = schedule(state, rating, now, 0.9)
    now = Math.max(state.due, now + 60_000)
  }
  const row: CardRow = toCardRow({
    id,
    ...state,
    suspended: 0,
    buriedUntil: 0,
    retired: 0,
    ...flags
  })
  await db.cards.put(row)
  return row
}

describe('checkData', () => {
  it('finds nothing to repair in a consistent database', async () => {
    const db = freshDb()
    await studied(db, 'a', [3, 3, 3])
    await studied(db, 'b', [1, 1, 3, 4])
    await studied(db, 'fresh', [])
    expect(await checkData(db)).toEqual({
      checked: 3,
      repaired: 0,
      repairedLogs: 0,
      orphanLogs: 0,
      repairedIds: []
    })
  })

  it('repairs a corrupted database from the logs, keeps user flags and orphans, then is idempotent', async () => {
    const db = freshDb()
    const good = await studied(db, 'good', [3, 3])
    const a = await studied(db, 'a', [3, 3, 3], { suspended: 1 })
    const b = await studied(db, 'b', [1, 3, 3], { buriedUntil: T0 + 99, retired: 1 })
    await studied(db, 'never', [])
    // Corruption: a state that does not follow from the log, a reviewed state with no log,
    // a log whose `before` is wrong, and a log whose card is gone.
    await db.cards.update('a', { stability: 999, reps: 42, due: 1 })
    await db.cards.update('b', { state: 0 })
    await db.cards.update('never', { state: 2, reps: 3, stability: 10 })
    const bLogs = await db.reviewLogs.where('cardId').equals('b').sortBy('reviewedAt')
    await db.reviewLogs.update(bLogs[1]!.id!, { before: { ...bLogs[1]!.before, difficulty: 1.5 } })
    await db.reviewLogs.add({ ...bLogs[0]!, id: undefined, uid: undefined, cardId: 'gone' })

    const report = await checkData(db)
    expect(report).toEqual({
      checked: 4,
      repaired: 3,
      repairedLogs: 1,
      orphanLogs: 1,
      repairedIds: expect.arrayContaining(['a', 'b', 'never'])
    })
    expect(await db.cards.get('a')).toEqual(a)
    expect(await db.cards.get('b')).toEqual(b)
    expect(await db.cards.get('good')).toEqual(good)
    const never = (await db.cards.get('never'))!
    expect(never.state).toBe(0)
    expect(never.reps).toBe(0)
    expect((await db.reviewLogs.get(bLogs[1]!.id!))!.before).toEqual(bLogs[1]!.before)
    expect(await db.reviewLogs.where('cardId').equals('gone').count()).toBe(1)

    const again = await checkData(db)
    expect(again).toEqual({
      checked: 4,
      repaired: 0,
      repairedLogs: 0,
      orphanLogs: 1,
      repairedIds: []
    })
  })

  it('replays answers in the order they were given, whatever order the rows are stored in', async () => {
    const db = freshDb()
    const row = await studied(db, 'a', [1, 3, 3, 2])
    const logs = await db.reviewLogs.toArray()
    await db.reviewLogs.clear()
    await db.reviewLogs.bulkAdd(logs.reverse().map((l) => ({ ...l, id: undefined })))
    expect((await checkData(db)).repaired).toBe(0)
    expect(await db.cards.get('a')).toEqual(row)
  })

  it('is safe on an empty database', async () => {
    expect(await checkData(freshDb())).toMatchObject({ checked: 0, repaired: 0, orphanLogs: 0 })
  })
})
