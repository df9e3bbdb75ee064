import { afterEach, describe, expect, it } from 'vitest'
import { StudyDatabase } from './database'
import { watch } from './live.svelte'

let counter = 0
const open: StudyDatabase[] = []
afterEach(() => {
  for (const db of open.splice(0)) db.close()
})
function freshDb(): StudyDatabase {
  const db = new StudyDatabase(`live-test-${Date.now()}-${counter++}`)
  open.push(db)
  return db
}

/** Waits until a condition holds (live queries answer asynchronously). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5))
  expect(check()).toBe(true)
}

describe('watch', () => {
  it('calls back with every result until stopped', async () => {
    const db = freshDb()
    const seen: number[] = []
    const stop = watch(
      () => db.settings.count(),
      (n) => seen.push(n)
    )
    await until(() => seen.includes(0))
    await db.settings.put({ key: 'x', value: 1 })
    await until(() => seen.includes(1))
    stop()
    // Stopped: a later write no longer reaches it.
    await db.settings.put({ key: 'y', value: 2 })
    await new Promise((r) => setTimeout(r, 50))
    expect(seen).not.toContain(2)
  })
})
