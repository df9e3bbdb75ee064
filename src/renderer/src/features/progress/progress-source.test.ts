import { liveQuery } from 'dexie'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { StudyDatabase } from '../../db/database'
import { syncCardIds } from '../../db/card-sync'
import { setSuspended } from '../../db/study-store'
import { newCardState } from '../../domain/scheduler'
import type { ProgressData } from './progress-data'
import { progressQuery } from './progress-source'

let db: StudyDatabase
let counter = 0
beforeEach(async () => {
  db = new StudyDatabase(`progress-source-test-${Date.now()}-${counter++}`)
  await db.open()
  await syncCardIds(['a', 'b'], Date.now() - 1000, db)
})
afterEach(() => db.close())

it('runs again on its own after an answer and after a suspension', async () => {
  const seen: ProgressData[] = []
  const waitFor = (test: (d: ProgressData) => boolean) =>
    expect.poll(() => seen.some(test), { timeout: 5000 }).toBe(true)
  const subscription = liveQuery(progressQuery(db)).subscribe((d) => seen.push(d))
  try {
    await waitFor((d) => d.reviews === 0 && d.states.new === 2)
    const now = Date.now()
    await db.reviewLogs.add({
      cardId: 'a',
      rating: 3,
      reviewedAt: now,
      durationMs: 4000,
      mode: 'flip',
      retention: 0.9,
      before: newCardState(now)
    })
    await waitFor((d) => d.reviews === 1 && d.time.reviewsToday === 1)
    await setSuspended('b', true, db)
    await waitFor((d) => d.states.suspended === 1 && d.states.new === 1)
  } finally {
    subscription.unsubscribe()
  }
})
