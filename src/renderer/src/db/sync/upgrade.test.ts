import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { backupText, listBackups, parseBackup } from '../backup'
import { StudyDatabase } from '../database'
import { newCardState } from '../../domain/scheduler'

const open: Dexie[] = []
afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

describe('the upgrade to version 3 (sync)', () => {
  it('gives every old review a global id and this device, and makes events of the flags set', async () => {
    const name = `upgrade-v3-${Date.now()}`
    const v2 = new Dexie(name)
    v2.version(2).stores({
      settings: 'key',
      cards: 'id, due, state, buriedUntil, masteredUntil, [retired+suspended+state+due]',
      reviewLogs: '++id, cardId, reviewedAt',
      backups: '++id, createdAt'
    })
    const card = (id: string, flags: object) => ({
      id,
      ...newCardState(1000),
      suspended: 0,
      buriedUntil: 0,
      retired: 0,
      masteredUntil: 0,
      ...flags
    })
    await v2
      .table('cards')
      .bulkPut([
        card('a', { suspended: 1 }),
        card('b', { buriedUntil: Date.now() + 86_400_000 }),
        card('c', {})
      ])
    const log = {
      cardId: 'c',
      rating: 3,
      reviewedAt: 2000,
      durationMs: 1,
      mode: 'flip',
      retention: 0.9
    }
    await v2.table('reviewLogs').bulkAdd([
      { ...log, before: newCardState(1000) },
      { ...log, reviewedAt: 3000, before: newCardState(1000) }
    ])
    v2.close()

    const db = new StudyDatabase(name)
    open.push(db)
    await db.open()
    const logs = await db.reviewLogs.toArray()
    expect(new Set(logs.map((l) => l.uid)).size).toBe(2)
    expect(logs.every((l) => l.device === db.deviceId)).toBe(true)
    const events = (await db.cardEvents.toArray()).map((e) => `${e.cardId}:${e.kind}`).sort()
    expect(events).toEqual(['a:suspend', 'b:bury'])
    const [backup] = await listBackups(db)
    expect(backup!.reason).toMatch(/version 2/)
    expect(parseBackup(await backupText(backup!)).ok).toBe(true)
  })

  it('a new database gets a device id that stays the same when reopened', async () => {
    const name = `device-${Date.now()}`
    const first = new StudyDatabase(name)
    await first.open()
    const id = first.deviceId
    first.close()
    const again = new StudyDatabase(name)
    open.push(again)
    await again.open()
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(again.deviceId).toBe(id)
  })
})
