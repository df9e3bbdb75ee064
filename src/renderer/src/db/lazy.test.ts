import { afterAll, describe, expect, it } from 'vitest'
import { closeDatabase, DATABASE_NAME as DEXIE_NAME } from './database'
import { DATABASE_NAME, databaseExists, openDatabaseNow, readSetting, writeSetting } from './lazy'

afterAll(() => closeDatabase())

describe('the database opened after the first view', () => {
  it('looks for the very database the Dexie module opens', () => {
    expect(DATABASE_NAME).toBe(DEXIE_NAME)
  })

  it('waits for the app to open it: a setting asked for before is read after, from the real database', async () => {
    expect(await databaseExists()).toBe(false)
    let read: unknown = 'pending'
    const reading = readSetting<unknown>('theme', 'system').then((value) => (read = value))
    const writing = writeSetting('lastRoute', '#/trade')
    await new Promise((resolve) => setTimeout(resolve, 20))
    // Nothing opened it yet: the first view's code never opens the database by itself.
    expect(read).toBe('pending')
    expect(await databaseExists()).toBe(false)
    const opened = await openDatabaseNow()
    expect(opened.ok).toBe(true)
    await Promise.all([reading, writing])
    expect(read).toBe('system')
    expect(await readSetting('lastRoute', '')).toBe('#/trade')
    expect(await databaseExists()).toBe(true)
  })
})
