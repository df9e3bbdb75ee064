/**
 * A sync with nothing new is cheap and still exact: a file is read only from where it was left,
 * and again whole when it was replaced; a sync after no change of this device reads no database,
 * yet what this device does next, or a restore, is never missed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { exportBackup, importBackup } from '../backup'
import { StudyDatabase } from '../database'
import { syncCardIds } from '../card-sync'
import { answerCard } from '../study-store'
import { MemoryFolder } from './memory-folder'
import { WarmState, syncOnce } from './sync-once'
import { localChanges } from './sync-state'

const HOUR = 3_600_000
const T0 = Date.now() - 20 * 24 * HOUR
const open: StudyDatabase[] = []
let counter = 0

afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

async function device(): Promise<StudyDatabase> {
  const db = new StudyDatabase(`no-op-test-${Date.now()}-${counter++}`)
  open.push(db)
  await db.open()
  await syncCardIds(['a', 'b', 'c'], T0, db)
  return db
}

const answer = (db: StudyDatabase, cardId: string, at: number) =>
  answerCard({ cardId, rating: 3, now: at, mode: 'flip', retention: 0.9, durationMs: 3000 }, db)

const sync = (db: StudyDatabase, folder: MemoryFolder, warm?: WarmState, token?: string) =>
  syncOnce(db, folder, 'folder-1', { pause: async () => {}, warm, token })

/** What the page would pass: the token of this device's changes as its live query last saw them. */
const tokenOf = async (db: StudyDatabase) => JSON.stringify(await localChanges(db))

/** A line of another device's reviews file. */
const line = (n: number, card = 'a') =>
  JSON.stringify({
    id: `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`,
    card,
    rating: 3,
    at: T0 + n * HOUR,
    mode: 'flip',
    device: OTHER,
    retention: 0.9,
    ms: 3000
  }) + '\n'
const OTHER = 'bbbbbbbb-0000-4000-8000-000000000009'
const FILE = `devices/${OTHER}/reviews-2026.jsonl`

describe('which files a sync reads', () => {
  it('an unchanged file is not read; one that grew is read from where it was left', async () => {
    const db = await device()
    const folder = new MemoryFolder()
    folder.put(FILE, line(1) + line(2, 'b'))
    await sync(db, folder)
    const reads = vi.spyOn(folder, 'read')
    await sync(db, folder)
    expect(reads).not.toHaveBeenCalled()
    await folder.append(FILE, line(3, 'c'))
    const report = await sync(db, folder)
    expect(report.received).toBe(1)
    // From the start of the last line read before (still there: the file only grew), not whole.
    expect(reads.mock.calls).toEqual([[FILE, line(1).length]])
    expect(await db.reviewLogs.count()).toBe(3)
  })

  it('a file replaced by a shorter one (a sync engine restored a version) is read whole', async () => {
    const db = await device()
    const folder = new MemoryFolder()
    folder.put(FILE, line(1) + line(2, 'b'))
    await sync(db, folder)
    folder.put(FILE, line(3, 'c'))
    const reads = vi.spyOn(folder, 'read')
    expect((await sync(db, folder)).received).toBe(1)
    expect(reads.mock.calls).toEqual([[FILE, 0]])
    expect((await db.cards.get('c'))!.reps).toBe(1)
  })

  it('a file rewritten longer, or as long but changed, is read whole, each line once', async () => {
    const db = await device()
    const folder = new MemoryFolder()
    folder.put(FILE, line(1))
    await sync(db, folder)
    // Longer, but what was read is not its beginning: the byte before the new ones is no newline.
    folder.put(FILE, line(3, 'c') + line(1) + line(2, 'b'))
    expect((await sync(db, folder)).received).toBe(2)
    // As long as before and changed (its modification time moved): read whole again.
    const sameLength = line(4, 'c') + line(5) + line(6, 'b')
    expect(sameLength.length).toBe(folder.text(FILE).length)
    folder.put(FILE, sameLength)
    expect((await sync(db, folder)).received).toBe(3)
    expect((await sync(db, folder)).received).toBe(0)
    expect(await db.reviewLogs.count()).toBe(6)
    expect(
      await db.reviewLogs
        .where('uid')
        .equals(JSON.parse(line(1)).id)
        .count()
    ).toBe(1)
  })

  it('a conflicted copy that appears later is read, and its lines known already count once', async () => {
    const db = await device()
    const folder = new MemoryFolder()
    folder.put(FILE, line(1))
    await sync(db, folder)
    folder.put(FILE.replace('.jsonl', ' (conflicted copy).jsonl'), line(1) + line(2, 'b'))
    expect((await sync(db, folder)).received).toBe(1)
    expect(await db.reviewLogs.count()).toBe(2)
  })
})

describe('a sync after no change of this device', () => {
  it('reads no database; an answer given since is sent at the next sync', async () => {
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    const warm = new WarmState()
    await answer(a, 'a', T0 + HOUR)
    await answer(b, 'b', T0 + 2 * HOUR)
    await sync(b, folder)
    await sync(a, folder, warm, await tokenOf(a))
    // The reviews it received moved the token: the next sync reads the database once more.
    await sync(a, folder, warm, await tokenOf(a))
    const token = await tokenOf(a)

    // Nothing new anywhere: no transaction, no file read, nothing written.
    const transactions = vi.spyOn(a, 'transaction')
    const reads = vi.spyOn(folder, 'read')
    const files = new Map(folder.files)
    expect(await sync(a, folder, warm, token)).toMatchObject({ sent: 0, received: 0 })
    expect(transactions).not.toHaveBeenCalled()
    expect(reads).not.toHaveBeenCalled()
    expect(folder.files).toEqual(files)

    // Another device's news still arrive: the only transaction applies them.
    await answer(b, 'c', T0 + 3 * HOUR)
    await sync(b, folder)
    expect(await sync(a, folder, warm, token)).toMatchObject({ sent: 0, received: 1 })
    expect(transactions.mock.calls.map((call) => call[0])).toEqual(['rw'])

    // An answer here changes what the page sees: the next sync reads the database and sends it.
    await answer(a, 'c', T0 + 4 * HOUR)
    expect(await tokenOf(a)).not.toBe(token)
    expect((await sync(a, folder, warm, await tokenOf(a))).sent).toBe(1)
    expect((await sync(b, folder)).received).toBe(1)
    expect(await b.reviewLogs.count()).toBe(4)
  })

  it('never goes on from kept marks after a restore: the folder is read again from its start', async () => {
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    const warm = new WarmState()
    const backup = JSON.stringify(await exportBackup(b))
    await answer(a, 'a', T0 + HOUR)
    await sync(a, folder)
    await sync(b, folder, warm, await tokenOf(b))
    expect(await b.reviewLogs.count()).toBe(1)
    const token = await tokenOf(b)
    // The backup from before that sync: the review from a is gone, and only the folder has it.
    expect((await importBackup(b, backup)).ok).toBe(true)
    expect(await b.reviewLogs.count()).toBe(0)
    expect(await tokenOf(b)).not.toBe(token)
    expect((await sync(b, folder, warm, await tokenOf(b))).received).toBe(1)
    expect(await b.reviewLogs.count()).toBe(1)
  })
})
