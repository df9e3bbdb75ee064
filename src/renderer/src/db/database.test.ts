import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { closeDatabase, openDatabase, SCHEMA_VERSION, StudyDatabase } from './database'

let counter = 0
const freshName = () => `db-test-${Date.now()}-${counter++}`

afterEach(() => closeDatabase())

/** Creates a database as a newer app would: a higher version with a store this app does not know. */
async function createNewerDatabase(name: string): Promise<void> {
  const newer = new Dexie(name)
  newer.version(SCHEMA_VERSION + 5).stores({ settings: 'key', future: 'id' })
  await newer.open()
  await newer.table('settings').put({ key: 'theme', value: 'dark' })
  await newer.table('future').put({ id: 'x' })
  newer.close()
}

describe('openDatabase', () => {
  it('opens a fresh database with the current schema and keeps settings', async () => {
    const name = freshName()
    const result = await openDatabase(name)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    await result.db.settings.put({ key: 'theme', value: 'light' })
    closeDatabase()
    const again = await openDatabase(name)
    expect(again.ok && (await again.db.settings.get('theme'))?.value).toBe('light')
  })

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const name = freshName()
    await createNewerDatabase(name)
    const result = await openDatabase(name)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.failure).toBe('newer')
    expect(result.message).toMatch(/newer version of this app/)
    const check = new Dexie(name)
    await check.open()
    // Not even touched: no table of this app added, the version as the newer app left it.
    expect(check.tables.map((t) => t.name).sort()).toEqual(['future', 'settings'])
    expect(check.verno).toBe(SCHEMA_VERSION + 5)
    expect(await check.table('settings').get('theme')).toEqual({ key: 'theme', value: 'dark' })
    expect(await check.table('future').count()).toBe(1)
    check.close()
  })

  it('says so when an upgrade is blocked by another open window, and deletes nothing', async () => {
    const name = freshName()
    // An older window of the app holds version 0.5 open and refuses to close.
    const old = new Dexie(name)
    old.version(0.5).stores({ settings: 'key' })
    await old.open()
    await old.table('settings').put({ key: 'theme', value: 'dark' })
    old.on('versionchange', () => false)
    const result = await openDatabase(name, 50)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.failure).toBe('blocked')
    expect(await old.table('settings').get('theme')).toEqual({ key: 'theme', value: 'dark' })
    old.close()
  })

  it('returns the same connection when asked twice', async () => {
    const name = freshName()
    const a = await openDatabase(name)
    const b = await openDatabase(name)
    expect(a.ok && b.ok && a.db === b.db).toBe(true)
    expect(a.ok && a.db).toBeInstanceOf(StudyDatabase)
  })
})
