/**
 * `live()` as a component uses it (inside an effect root, with Svelte's client runtime): the value
 * follows every write to what the query read, and stops following once the owner is destroyed.
 */
import { flushSync } from 'svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { StudyDatabase } from './database'
import { live } from './live.svelte'

let db: StudyDatabase | undefined
afterEach(() => db?.close())

/** Waits until a condition holds (live queries answer asynchronously). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) {
    flushSync()
    await new Promise((r) => setTimeout(r, 5))
  }
  expect(check()).toBe(true)
}

describe('live', () => {
  it('shows the initial value, then each result after a write, until its owner is destroyed', async () => {
    db = new StudyDatabase(`live-runes-${Date.now()}`)
    const store = db
    let value: { current: number; ready: boolean } | undefined
    const destroy = $effect.root(() => {
      value = live(() => store.settings.count(), -1)
    })
    flushSync()
    expect(value!.current).toBe(-1)
    expect(value!.ready).toBe(false)
    await until(() => value!.ready && value!.current === 0)

    await store.settings.put({ key: 'a', value: 1 })
    await until(() => value!.current === 1)
    await store.settings.bulkPut([
      { key: 'b', value: 2 },
      { key: 'c', value: 3 }
    ])
    await until(() => value!.current === 3)

    destroy()
    await store.settings.put({ key: 'd', value: 4 })
    await new Promise((r) => setTimeout(r, 50))
    flushSync()
    expect(value!.current).toBe(3)
  })
})
