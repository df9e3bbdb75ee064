import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { masteredUntil, toCardRow, toStoredCard } from '../domain/card-state'
import { newCardState, schedule, type Rating } from '../domain/scheduler'
import {
  BACKUP_FORMAT,
  KEEP_BACKUPS,
  backupCounts,
  backupText,
  backupInsideUpgrade,
  exportBackup,
  importBackup,
  keptCounts,
  listBackups,
  parseBackup,
  restoreBackup
} from './backup'
import { SCHEMA_VERSION, StudyDatabase, type CardRow, type ReviewLogRow } from './database'
import { setSuspended, undoAnswer } from './study-store'

const T0 = Date.UTC(2026, 2, 1, 9)
let counter = 0
const open: Dexie[] = []
function freshDb(): StudyDatabase {
  const db = new StudyDatabase(`backup-test-${Date.now()}-${counter++}`)
  open.push(db)
  return db
}
afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

/** Studies a few cards through the real scheduler and writes rows and logs as the app does. */
async function seed(db: StudyDatabase, ids = ['a', 'b', 'c']): Promise<void> {
  const plan: Rating[][] = [[3, 3, 3], [1, 3, 3, 2], []]
  const cards: CardRow[] = []
  const logs: ReviewLogRow[] = []
  ids.forEach((id, i) => {
    let state = newCardState(T0 + i)
    let now = T0 + 1000
    for (const rating of plan[i % plan.length]!) {
      logs.push({
        cardId: id,
        rating,
        reviewedAt: now,
        durationMs: 4000,
        mode: 'flip',
        retention: 0.9,
        before: state
      })
      state = schedule(state, rating, now, 0.9)
      now = Math.max(state.due, now + 60_000)
    }
    cards.push(toCardRow({ id, ...state, suspended: i === 1 ? 1 : 0, buriedUntil: 0, retired: 0 }))
  })
  await db.cards.bulkPut(cards)
  await db.reviewLogs.bulkAdd(logs)
  await db.settings.bulkPut([
    { key: 'reader.position', value: { paragraphId: 'p-3', offset: 120 } },
    { key: 'theme', value: 'dark' },
    { key: 'mastery.enabled', value: false }
  ])
}

async function contents(db: StudyDatabase) {
  return {
    cards: await db.cards.toArray(),
    reviewLogs: await db.reviewLogs.toArray(),
    settings: await db.settings.toArray()
  }
}

async function validText(db: StudyDatabase): Promise<string> {
  return JSON.stringify(await exportBackup(db, T0 + 30 * 86_400_000))
}

describe('export and import', () => {
  it('round-trips everything into a fresh database, identical', async () => {
    const source = freshDb()
    await seed(source)
    const text = await validText(source)
    const file = JSON.parse(text)
    expect(file).toMatchObject({
      format: BACKUP_FORMAT,
      version: 1,
      app: { schemaVersion: SCHEMA_VERSION },
      counts: { cards: 3, reviewLogs: 7, settings: 3 }
    })
    const target = freshDb()
    const result = await importBackup(target, text)
    expect(result.ok).toBe(true)
    expect(await contents(target)).toEqual(await contents(source))
    // The file is not in itself: backups are excluded from exports.
    expect(Object.keys(file.data)).toEqual(['cards', 'reviewLogs', 'settings', 'cardEvents'])
  })

  it('replaces what was there (clear, then write) in one go', async () => {
    const source = freshDb()
    await seed(source, ['a'])
    const target = freshDb()
    await seed(target, ['x', 'y'])
    await target.settings.put({ key: 'only-here', value: 1 })
    expect((await importBackup(target, await validText(source))).ok).toBe(true)
    expect(await contents(target)).toEqual(await contents(source))
  })
})

describe('card events (suspend, bury, undo) in backups', () => {
  const events = async (db: StudyDatabase) =>
    (await db.cardEvents.toArray()).map(({ seq: _seq, ...event }) => event)

  it('a backup carries the card events and a restore brings back exactly those', async () => {
    const source = freshDb()
    await seed(source)
    await setSuspended('a', true, source)
    await undoAnswer((await source.reviewLogs.orderBy('id').last())!.id!, source)
    expect((await events(source)).map((e) => e.kind).sort()).toEqual(['suspend', 'undo'])
    const text = await validText(source)
    expect(JSON.parse(text).counts).toMatchObject({ cardEvents: 2, reviewLogs: 6 })
    const target = freshDb()
    await seed(target, ['x'])
    await setSuspended('x', true, target)
    expect((await importBackup(target, text)).ok).toBe(true)
    // Exactly the backup's events: none journaled by the restore, none left from before.
    expect(await events(target)).toEqual(await events(source))
    expect(await contents(target)).toEqual(await contents(source))
  })

  it('an older backup without them restores: its flags become events at its time, its answers keep their ids', async () => {
    const source = freshDb()
    await seed(source)
    const file = JSON.parse(await validText(source))
    // As a backup made before sync: no card events, no review ids.
    delete file.data.cardEvents
    delete file.counts.cardEvents
    for (const log of file.data.reviewLogs) {
      delete log.uid
      delete log.device
    }
    const target = freshDb()
    await seed(target)
    const ids = (await target.reviewLogs.orderBy('id').toArray()).map((l) => l.uid)
    expect((await importBackup(target, JSON.stringify(file))).ok).toBe(true)
    // The same answers keep the ids other devices know them by: none is counted twice.
    expect((await target.reviewLogs.orderBy('id').toArray()).map((l) => l.uid)).toEqual(ids)
    // Card 'b' is suspended in the backup: that is now an event, as of the backup.
    expect(await events(target)).toEqual([
      expect.objectContaining({ cardId: 'b', kind: 'suspend', at: file.exportedAt })
    ])
    expect((await target.cards.get('b'))!.suspended).toBe(1)
  })

  it('a kept backup says its counts from its head, and a text that is not one says none', async () => {
    const source = freshDb()
    await seed(source)
    const text = await validText(source)
    expect(backupCounts(text)).toEqual({ cards: 3, reviewLogs: 7, settings: 3 })
    expect(backupCounts('{"format":"other","counts":{"cards":1}}')).toBeUndefined()
    expect(backupCounts(text.slice(0, 40))).toBeUndefined()
  })

  it('refuses a backup whose events do not match its count, and changes nothing', async () => {
    const source = freshDb()
    await seed(source)
    await setSuspended('a', true, source)
    const file = JSON.parse(await validText(source))
    file.counts.cardEvents = 5
    const target = freshDb()
    await seed(target, ['x'])
    const before = await contents(target)
    const result = await importBackup(target, JSON.stringify(file))
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/incomplete/) })
    expect(await contents(target)).toEqual(before)
  })
})

type Rows = Record<string, unknown>[]
/** A parsed backup file, loosely typed so the tests can damage it. */
interface Mutable {
  version: number
  exportedAt: number
  counts: { cards: number }
  data: { cards: Rows; reviewLogs: Rows }
}

describe('a bad file is refused and the data is untouched', () => {
  const mutate = async (change: (file: Mutable) => void): Promise<string> => {
    const source = freshDb()
    await seed(source)
    const file = JSON.parse(await validText(source))
    change(file)
    return JSON.stringify(file)
  }
  const cases: { name: string; text: () => Promise<string>; message: RegExp }[] = [
    {
      name: 'not JSON',
      text: async () => 'PK\u0003\u0004 a zip file',
      message: /not a backup of this app/
    },
    {
      name: 'JSON of another format',
      text: async () => JSON.stringify({ format: 'anki/collection', version: 1 }),
      message: /not a backup of this app/
    },
    {
      name: 'truncated',
      text: async () => {
        const t = await mutate(() => {})
        return t.slice(0, Math.floor(t.length * 0.6))
      },
      message: /incomplete or damaged/
    },
    {
      name: 'a newer version',
      text: () => mutate((f) => (f.version = 2)),
      message: /newer version of this app/
    },
    {
      name: 'a row with an invalid rating',
      text: () => mutate((f) => (f.data.reviewLogs[2]!.rating = 5)),
      message: /damaged \(data\.reviewLogs\.2\.rating/
    },
    {
      name: 'an invalid state',
      text: () => mutate((f) => (f.data.cards[0]!.state = 4)),
      message: /damaged \(data\.cards\.0\.state/
    },
    {
      name: 'a missing field',
      text: () => mutate((f) => delete f.data.cards[1]!.due),
      message: /damaged/
    },
    {
      name: 'counts that do not match (rows lost)',
      text: () => mutate((f) => f.data.reviewLogs.pop()),
      message: /incomplete: it announces 3 cards, 7 reviews/
    },
    {
      name: 'a duplicate card',
      text: () =>
        mutate((f) => {
          f.data.cards.push(f.data.cards[0]!)
          f.counts.cards++
        }),
      message: /card “a” appears twice/
    }
  ]
  for (const c of cases) {
    it(c.name, async () => {
      const db = freshDb()
      await seed(db, ['keep-1', 'keep-2'])
      const before = await contents(db)
      const result = await importBackup(db, await c.text())
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.message).toMatch(c.message)
        expect(result.message).toMatch(/Your data has not been changed/)
      }
      expect(await contents(db)).toEqual(before)
      expect(await db.backups.count()).toBe(0)
    })
  }

  it('parseBackup accepts the valid file the tests mutate', async () => {
    const db = freshDb()
    await seed(db)
    expect(parseBackup(await validText(db)).ok).toBe(true)
  })
})

describe('automatic backups', () => {
  it('keeps the text as a Blob with its counts beside it, so a list reads no text; older rows still work', async () => {
    const db = freshDb()
    await seed(db, ['original'])
    const other = freshDb()
    await seed(other, ['imported', 'too'])
    const text = await validText(other)
    expect((await importBackup(db, text, 'Before an import', T0)).ok).toBe(true)
    const [kept] = await listBackups(db)
    expect(kept!.data).toBeInstanceOf(Blob)
    const keptFile = parseBackup(await backupText(kept!))
    expect(keptFile.ok && keptFile.backup.counts).toEqual(kept!.counts)
    expect(keptCounts(kept!)).toEqual(kept!.counts)
    expect(kept!.counts?.cards).toBe(1)
    // A backup kept as text by an earlier version lists its counts and restores as before.
    const oldId = await db.backups.add({ createdAt: T0 + 1000, reason: 'old', data: text })
    const old = (await listBackups(db)).find((b) => b.id === oldId)!
    expect(keptCounts(old)).toEqual(backupCounts(text))
    expect(keptCounts(old)?.cards).toBe(2)
    expect((await restoreBackup(db, oldId, T0 + 2000)).ok).toBe(true)
    expect((await db.cards.toArray()).map((c) => c.id).sort()).toEqual(['imported', 'too'])
  })

  it('keeps a backup of the data before every import, only the last five, restorable', async () => {
    const db = freshDb()
    await seed(db, ['original'])
    const original = await contents(db)
    const other = freshDb()
    await seed(other, ['imported'])
    const text = await validText(other)

    const first = await importBackup(db, text, 'Before an import', T0)
    expect(first.ok).toBe(true)
    const [backup] = await listBackups(db)
    expect(backup!.reason).toBe('Before an import')
    const kept = JSON.parse(await backupText(backup!))
    // A backup holds what the user did; the derived masteredUntil is recomputed on import.
    expect(kept.data).toEqual({
      ...original,
      cards: original.cards.map(toStoredCard),
      cardEvents: []
    })

    for (let i = 1; i <= 6; i++) await importBackup(db, text, `import ${i}`, T0 + i * 1000)
    const list = await listBackups(db)
    expect(list).toHaveLength(KEEP_BACKUPS)
    expect(list.map((b) => b.reason)).toEqual([
      'import 6',
      'import 5',
      'import 4',
      'import 3',
      'import 2'
    ])

    // Restoring the oldest kept import's backup brings back the imported data, and is itself backed up.
    const restored = await restoreBackup(db, first.ok ? first.backupId : -1, T0 + 10_000)
    expect(restored).toEqual({ ok: false, message: expect.stringMatching(/no longer exists/) })
    expect((await restoreBackup(db, list.at(-1)!.id!, T0 + 10_000)).ok).toBe(true)
    expect(await contents(db)).toEqual(await contents(other))
    expect((await listBackups(db))[0]!.reason).toBe('Before restoring a backup')
  })

  it('refuses to restore a damaged automatic backup and changes nothing', async () => {
    const db = freshDb()
    await seed(db)
    const before = await contents(db)
    const id = await db.backups.add({
      createdAt: T0,
      reason: 'x',
      data: '{"format":"mexico-russia-study/backup"'
    })
    const result = await restoreBackup(db, id)
    expect(result.ok).toBe(false)
    expect(await contents(db)).toEqual(before)
  })
})

/** The database as version 1 of the app left it: no `masteredUntil`, no index on it. */
async function versionOneDatabase(): Promise<{ name: string; rows: Record<string, unknown>[] }> {
  const model = freshDb()
  await seed(model)
  const data = await contents(model)
  model.close()
  const name = `backup-test-v1-${Date.now()}-${counter++}`
  const v1 = new Dexie(name)
  v1.version(1).stores({
    settings: 'key',
    cards: 'id, due, state, buriedUntil, [retired+suspended+state+due]',
    reviewLogs: '++id, cardId, reviewedAt',
    backups: '++id, createdAt'
  })
  const rows = data.cards.map(({ masteredUntil: _derived, ...row }) => row)
  await v1.table('cards').bulkPut(rows)
  await v1.table('reviewLogs').bulkAdd(data.reviewLogs)
  await v1.table('settings').bulkPut(data.settings)
  for (let i = 0; i < KEEP_BACKUPS; i++) {
    await v1.table('backups').add({ createdAt: T0 - 10_000 + i, reason: `old ${i}`, data: '{}' })
  }
  v1.close()
  return { name, rows }
}

describe('the upgrade from version 1', () => {
  it('keeps a backup of the version-1 data inside the upgrade, then derives masteredUntil', async () => {
    const { name, rows } = await versionOneDatabase()
    const v2 = new StudyDatabase(name)
    open.push(v2)
    await v2.open()
    expect(v2.verno).toBe(SCHEMA_VERSION)
    const backups = await listBackups(v2)
    // The last five are kept, the upgrades' own backups among them (each later version adds one).
    expect(backups).toHaveLength(KEEP_BACKUPS)
    const fromOne = backups.find((b) => /Before upgrading the data from version 1/.test(b.reason))
    expect(fromOne).toBeDefined()
    expect(backups.map((b) => b.reason)).not.toContain('old 0')
    const parsed = parseBackup(await backupText(fromOne!))
    expect(parsed.ok && parsed.backup.data.cards).toEqual(rows)
    expect(parsed.ok && parsed.backup.app.schemaVersion).toBe(1)
    // Every row now has the derived field, and the index answers.
    const upgraded = await v2.cards.toArray()
    expect(upgraded.map((r) => r.masteredUntil)).toEqual(upgraded.map((r) => masteredUntil(r)))
    expect(upgraded.some((r) => r.masteredUntil > 0)).toBe(true)
    const mastered = await v2.cards.where('masteredUntil').above(0).count()
    expect(mastered).toBe(upgraded.filter((r) => r.masteredUntil > 0).length)
  })

  it('a test helper keeps working inside any later upgrade transaction', async () => {
    const db = freshDb()
    await seed(db)
    await db.transaction('rw', db.tables, async (tx) => backupInsideUpgrade(tx, 2, T0))
    const [latest] = await listBackups(db)
    expect(latest!.reason).toMatch(/version 2/)
    const parsed = parseBackup(await backupText(latest!))
    expect(parsed.ok && parsed.backup.data.cards.every((c) => !('masteredUntil' in c))).toBe(true)
  })
})

describe('a failed write', () => {
  it('rolls the whole import back: the data and the backups are as before', async () => {
    const db = freshDb()
    await seed(db, ['mine'])
    const before = await contents(db)
    const other = freshDb()
    await seed(other, ['theirs', 'more'])
    const text = await validText(other)
    // The disk fills up halfway through writing the reviews.
    db.reviewLogs.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    await expect(importBackup(db, text)).rejects.toThrow()
    expect(await contents(db)).toEqual(before)
    expect(await db.backups.count()).toBe(0)
  })
})
