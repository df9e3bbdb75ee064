/**
 * Convergence: two or three simulated devices, each its own fake-indexeddb database, share one
 * folder. They study apart, then sync in every order; every device ends with the same cards, the
 * same logs and the same statistics, equal to the replay of all events (Check data finds nothing).
 */
import Dexie, { type ObservabilitySet } from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { checkData } from '../check-data'
import { listBackups } from '../backup'
import { StudyDatabase } from '../database'
import { syncCardIds } from '../card-sync'
import { answerCard, buryCard, setSuspended, undoAnswer } from '../study-store'
import { totalsOf } from '../../domain/log-totals'
import { MemoryFolder } from './memory-folder'
import { FolderUnavailable, syncOnce } from './sync-once'

const HOUR = 3_600_000
const T0 = Date.now() - 20 * 24 * HOUR
const CARDS = ['a', 'b', 'c', 'd']
const open: StudyDatabase[] = []
let counter = 0

afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

async function device(cards = CARDS): Promise<StudyDatabase> {
  const db = new StudyDatabase(`sync-test-${Date.now()}-${counter++}`)
  open.push(db)
  await db.open()
  await syncCardIds(cards, T0, db)
  return db
}

const answer = (db: StudyDatabase, cardId: string, rating: 1 | 2 | 3 | 4, at: number) =>
  answerCard({ cardId, rating, now: at, mode: 'flip', retention: 0.9, durationMs: 3000 }, db)

const sync = (db: StudyDatabase, folder: MemoryFolder) =>
  syncOnce(db, folder, 'folder-1', { pause: async () => {} })

/** What must be equal on every device: card rows, logs by id, and the statistics' totals. */
async function snapshot(db: StudyDatabase) {
  const cards = (await db.cards.orderBy('id').toArray()).map(({ masteredUntil, ...row }) => ({
    ...row,
    masteredUntil
  }))
  const logs = (await db.reviewLogs.toArray())
    .map(({ id: _local, ...log }) => log)
    .sort((a, b) => (a.uid! < b.uid! ? -1 : 1))
  const totals = totalsOf(await db.reviewLogs.toArray())
  return { cards, logs, reviews: totals.count, days: [...totals.days.entries()].sort() }
}

/** Some study on each device while apart: overlapping cards, interleaved times. */
async function studyApart(devices: StudyDatabase[]) {
  const [a, b, c] = devices
  await answer(a!, 'a', 3, T0 + 1 * HOUR)
  await answer(b!, 'a', 1, T0 + 2 * HOUR)
  await answer(a!, 'a', 3, T0 + 3 * HOUR)
  await answer(b!, 'b', 4, T0 + 4 * HOUR)
  await answer(a!, 'b', 2, T0 + 30 * HOUR)
  if (c) {
    await answer(c, 'a', 4, T0 + 50 * HOUR)
    await answer(c, 'c', 3, T0 + 5 * HOUR)
  }
  await answer(b!, 'd', 3, T0 + 60 * HOUR)
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items]
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest])
  )
}

async function expectConverged(devices: StudyDatabase[]) {
  const [first, ...rest] = await Promise.all(devices.map(snapshot))
  for (const other of rest) expect(other).toEqual(first)
  // Each state is the replay of its logs: Check data has nothing to repair.
  for (const db of devices) expect((await checkData(db)).repaired).toBe(0)
  return first!
}

describe('sync through a shared folder', () => {
  it('three devices that studied apart converge in every sync order, each review counted once', async () => {
    for (const order of permutations([0, 1, 2])) {
      const devices = [await device(), await device(), await device()]
      const folder = new MemoryFolder()
      await studyApart(devices)
      // Two rounds in this order: after the first, early devices lack the later ones' news.
      for (const i of [...order, ...order]) await sync(devices[i]!, folder)
      const state = await expectConverged(devices)
      expect(state.reviews).toBe(8)
      expect(state.cards.find((c) => c.id === 'a')!.reps).toBe(4)
      for (const db of devices) await db.delete()
      open.splice(0)
    }
  }, 60_000)

  it('importing the same events again changes nothing', async () => {
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    await studyApart([a, b])
    await sync(a, folder)
    await sync(b, folder)
    await sync(a, folder)
    const before = await snapshot(a)
    // Forget how far the files were read: everything is read again, and skipped by id.
    const meta = await a.syncMeta.get('state')
    await a.syncMeta.put({ key: 'state', value: { ...(meta!.value as object), files: {} } })
    const again = await sync(a, folder)
    expect(again.received).toBe(0)
    expect(await snapshot(a)).toEqual(before)
  })

  it('an undo on one device removes the review from the other, which had seen it', async () => {
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    await answer(a, 'a', 3, T0 + HOUR)
    const { logId } = await answer(a, 'a', 4, T0 + 2 * HOUR)
    await sync(a, folder)
    await sync(b, folder)
    expect((await b.cards.get('a'))!.reps).toBe(2)
    await undoAnswer(logId, a)
    await sync(a, folder)
    await sync(b, folder)
    const state = await expectConverged([a, b])
    expect(state.reviews).toBe(1)
    expect(state.cards.find((c) => c.id === 'a')!.reps).toBe(1)
    // Read again from the start, the undone review stays out.
    await b.syncMeta.delete('state')
    await sync(b, folder)
    expect(await b.reviewLogs.count()).toBe(1)
  })

  it('a suspend on one device and a review on the other both hold everywhere', async () => {
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    await setSuspended('b', true, a)
    await buryCard('c', T0 + 100 * 24 * HOUR, a)
    await answer(b, 'b', 3, T0 + HOUR)
    for (const db of [a, b, a]) await sync(db, folder)
    const state = await expectConverged([a, b])
    const card = state.cards.find((c) => c.id === 'b')!
    expect(card.suspended).toBe(1)
    expect(card.reps).toBe(1)
    expect(state.cards.find((c) => c.id === 'c')!.buriedUntil).toBe(T0 + 100 * 24 * HOUR)
    // Applying a's events made no events of b's own (an import is not journaled).
    expect((await b.cardEvents.toArray()).every((e) => e.device === a.deviceId)).toBe(true)
    // Unsuspended on b later: a follows.
    await setSuspended('b', false, b)
    for (const db of [b, a]) await sync(db, folder)
    expect((await a.cards.get('b'))!.suspended).toBe(0)
  })

  it('settings changed on both: the latest time wins, per setting, on both', async () => {
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    await a.settings.put({ key: 'study.retention', value: 0.85 })
    await new Promise((r) => setTimeout(r, 5))
    await b.settings.put({ key: 'study.retention', value: 0.95 })
    await b.settings.put({ key: 'study.newPerDay', value: 7 })
    await new Promise((r) => setTimeout(r, 5))
    await a.settings.put({ key: 'study.newPerDay', value: 30 })
    // A setting that does not follow the student stays where it is.
    await a.settings.put({ key: 'lastRoute', value: '#/trade' })
    for (const db of [a, b, a, b]) await sync(db, folder)
    for (const db of [a, b]) {
      expect((await db.settings.get('study.retention'))!.value).toBe(0.95)
      expect((await db.settings.get('study.newPerDay'))!.value).toBe(30)
    }
    expect(await b.settings.get('lastRoute')).toBeUndefined()
  })

  it('a half-written last line is left for later, then read once whole', async () => {
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    await answer(a, 'a', 3, T0 + HOUR)
    await answer(a, 'b', 3, T0 + 2 * HOUR)
    await sync(a, folder)
    const path = [...folder.files.keys()].find((p) => p.includes('/reviews-'))!
    const whole = folder.text(path)
    const cut = whole.slice(0, whole.length - 20)
    folder.put(path, cut)
    const first = await sync(b, folder)
    expect(first.issues).toEqual([])
    expect(first.received).toBe(1)
    folder.put(path, whole)
    const second = await sync(b, folder)
    expect(second.received).toBe(1)
    await expectConverged([a, b])
  })

  it('a conflicted copy is read too and merged by id', async () => {
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    await answer(a, 'a', 3, T0 + HOUR)
    await sync(a, folder)
    const path = [...folder.files.keys()].find((p) => p.includes('/reviews-'))!
    const text = folder.text(path)
    // The copy holds the first line again and one line the main file lost.
    const lost = JSON.parse(text.trim())
    const extra = {
      ...lost,
      id: 'e0e0e0e0-1111-2222-3333-444455556666',
      card: 'c',
      at: T0 + 3 * HOUR
    }
    folder.put(
      path.replace('.jsonl', ' (conflicted copy 2026-11-30).jsonl'),
      text + JSON.stringify(extra) + '\n'
    )
    folder.put(path.replace('.jsonl', '.sync-conflict-20261130-101010-ABCDEFG.jsonl'), text)
    const report = await sync(b, folder)
    expect(report.received).toBe(2)
    expect(await b.reviewLogs.count()).toBe(2)
    expect((await b.cards.get('c'))!.reps).toBe(1)
  })

  it('a folder that vanishes mid-sync pauses it; nothing is lost and the next sync completes', async () => {
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    await studyApart([a, b])
    await sync(a, folder)
    folder.operationsLeft = 2
    await expect(sync(b, folder)).rejects.toBeInstanceOf(FolderUnavailable)
    // b keeps its own three reviews and has applied nothing half-way.
    expect(await b.reviewLogs.count()).toBe(3)
    folder.present = true
    folder.operationsLeft = Infinity
    for (const db of [b, a]) await sync(db, folder)
    expect((await expectConverged([a, b])).reviews).toBe(6)
  })

  it('hostile files: bad lines are skipped and reported by file and line, never applied', async () => {
    const b = await device()
    const folder = new MemoryFolder()
    const good = {
      id: 'aaaaaaaa-0000-4000-8000-000000000001',
      card: 'a',
      rating: 3,
      at: T0 + HOUR,
      mode: 'flip',
      device: 'dddddddd-0000-4000-8000-00000000000d',
      retention: 0.9,
      ms: 1000
    }
    const dir = 'devices/dddddddd-0000-4000-8000-00000000000d'
    folder.put(
      `${dir}/reviews-2026.jsonl`,
      [
        JSON.stringify(good),
        JSON.stringify({ ...good, id: 'aaaaaaaa-0000-4000-8000-000000000002', rating: 9 }),
        JSON.stringify({ ...good, id: 'aaaaaaaa-0000-4000-8000-000000000003', at: 'yesterday' }),
        '{"id": "not json',
        JSON.stringify({
          ...good,
          id: 'aaaaaaaa-0000-4000-8000-000000000004',
          card: 'x'.repeat(5000)
        }),
        JSON.stringify({ ...good, id: '../../etc', extra: 1 }),
        ''
      ].join('\n')
    )
    // A folder that is not a device id, and a file bigger than any real one: never read.
    folder.put('devices/../../outside/reviews-2026.jsonl', JSON.stringify(good) + '\n')
    folder.put(`${dir}/reviews-2025.jsonl`, 'x'.repeat(64 * 1024 * 1024 + 1))
    const report = await sync(b, folder)
    expect(report.received).toBe(1)
    expect(report.issues.map((i) => `${i.file}:${i.line}`).sort()).toEqual([
      `${dir}/reviews-2025.jsonl:0`,
      `${dir}/reviews-2026.jsonl:2`,
      `${dir}/reviews-2026.jsonl:3`,
      `${dir}/reviews-2026.jsonl:4`,
      `${dir}/reviews-2026.jsonl:5`,
      `${dir}/reviews-2026.jsonl:6`
    ])
    expect(await b.reviewLogs.count()).toBe(1)
  }, 60_000)

  it('a restored older backup gets back, at the next sync, what the folder holds', async () => {
    const { exportBackup, importBackup } = await import('../backup')
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    const old = JSON.stringify(await exportBackup(a))
    await studyApart([a, b])
    for (const db of [a, b, a]) await sync(db, folder)
    expect((await importBackup(a, old)).ok).toBe(true)
    expect(await a.reviewLogs.count()).toBe(0)
    await sync(a, folder)
    expect((await expectConverged([a, b])).reviews).toBe(6)
  })

  it('a restore sends nothing twice, and a backup restored on another computer is not sent as its own', async () => {
    const { exportBackup, importBackup } = await import('../backup')
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    await studyApart([a, b])
    await setSuspended('c', true, a)
    for (const db of [a, b, a]) await sync(db, folder)
    const files = () => [...folder.files.keys()].sort().map((path) => folder.text(path))
    const written = files()
    const backup = JSON.stringify(await exportBackup(a))
    expect((await importBackup(a, backup)).ok).toBe(true)
    expect((await sync(a, folder)).sent).toBe(0)
    // A third computer starts from a's backup: a's reviews and events stay a's.
    const c = await device()
    expect((await importBackup(c, backup)).ok).toBe(true)
    expect((await sync(c, folder)).sent).toBe(0)
    expect([...folder.files.keys()].filter((p) => p.includes(c.deviceId!))).toEqual([
      `devices/${c.deviceId}/settings.json`
    ])
    await sync(b, folder)
    expect(files().filter((text) => !text.startsWith('{'))).toEqual(
      written.filter((text) => !text.startsWith('{'))
    )
    const converged = await expectConverged([a, b, c])
    expect(converged.reviews).toBe(6)
    expect(converged.cards.find((card) => card.id === 'c')!.suspended).toBe(1)
    expect(await c.cardEvents.count()).toBe(await b.cardEvents.count())
  })

  it('a long file is read in slices, its lines numbered on across them', async () => {
    const b = await device()
    const folder = new MemoryFolder()
    const dev = 'dddddddd-0000-4000-8000-00000000000d'
    const lines: string[] = []
    for (let i = 1; i <= 6000; i++) {
      const id = `aaaaaaaa-0000-4000-8000-${String(i).padStart(12, '0')}`
      const line = {
        id,
        card: CARDS[i % 4],
        rating: 3,
        at: T0 + i * 1000,
        mode: 'flip',
        device: dev,
        retention: 0.9,
        ms: 1
      }
      lines.push(i === 5000 ? '{"cut' : JSON.stringify(line))
    }
    folder.put(`devices/${dev}/reviews-2026.jsonl`, lines.join('\n') + '\n')
    let pauses = 0
    const report = await syncOnce(b, folder, 'folder-1', { pause: async () => void pauses++ })
    expect(pauses).toBeGreaterThan(0)
    expect(report.received).toBe(5999)
    expect(report.issues.map((i) => i.line)).toEqual([5000])
  }, 60_000)

  it('a review of a card this pack does not know is kept, and applied once a pack knows it', async () => {
    const a = await device([...CARDS, 'new-card'])
    const b = await device()
    const folder = new MemoryFolder()
    await answer(a, 'new-card', 3, T0 + HOUR)
    await sync(a, folder)
    await sync(b, folder)
    expect(await b.reviewLogs.where('cardId').equals('new-card').count()).toBe(1)
    await syncCardIds([...CARDS, 'new-card'], T0, b)
    await sync(b, folder)
    expect((await b.cards.get('new-card'))!.reps).toBe(1)
    await expectConverged([a, b])
  })

  it('takes an automatic backup before the first sync that meets other devices’ data', async () => {
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    await answer(a, 'a', 3, T0 + HOUR)
    const alone = await sync(a, folder)
    expect(alone.backedUp).toBe(false)
    await answer(b, 'b', 3, T0 + HOUR)
    const first = await sync(b, folder)
    expect(first.backedUp).toBe(true)
    const [backup] = await listBackups(b)
    expect(backup!.reason).toMatch(/first sync/)
    expect((await sync(b, folder)).backedUp).toBe(false)
  })

  it('a sync with nothing new writes and reads nothing', async () => {
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    await studyApart([a, b])
    for (const db of [a, b, a]) await sync(db, folder)
    const files = new Map(folder.files)
    const reads = vi.spyOn(folder, 'read')
    const transactions = vi.spyOn(b, 'transaction')
    const puts = vi.spyOn(b.syncMeta, 'put')
    const report = await sync(b, folder)
    expect(report).toMatchObject({ sent: 0, received: 0, settings: 0, issues: [] })
    expect(folder.files).toEqual(files)
    // No file is read again, and the database is read once and written not at all.
    expect(reads).not.toHaveBeenCalled()
    expect(transactions.mock.calls.map((call) => call[0])).toEqual(['r'])
    expect(puts).not.toHaveBeenCalled()
  })
})

describe('what the rest of the app sees', () => {
  it('the statistics count every device’s reviews once, older days included', async () => {
    const { ProgressReader } = await import('../../features/progress/progress-data')
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    await answer(b, 'a', 3, T0 + 5 * HOUR)
    const reader = new ProgressReader(b)
    expect((await reader.read()).reviews).toBe(1)
    // Older than b's own review: it does not move b's latest row before today.
    await answer(a, 'b', 3, T0 + HOUR)
    await answer(a, 'c', 3, T0 + 2 * HOUR)
    for (const db of [a, b]) await sync(db, folder)
    expect((await reader.read()).reviews).toBe(3)
  })

  it('a large import goes in batches, with a pause for the page between them', async () => {
    const [a, b] = [await device(), await device()]
    const folder = new MemoryFolder()
    for (const [i, card] of CARDS.entries()) await answer(a, card, 3, T0 + i * HOUR)
    await sync(a, folder)
    let pauses = 0
    // What Dexie tells live queries (here and, from the sync worker, in the page) about b's cards.
    const notices: string[][] = []
    const listen = (parts: ObservabilitySet) => {
      const cards = Object.keys(parts).filter((key) => key.startsWith(`idb://${b.name}/cards/`))
      if (cards.length) notices.push(cards)
    }
    Dexie.on('storagemutated', listen)
    try {
      await syncOnce(b, folder, 'folder-1', { batchCards: 1, pause: async () => void pauses++ })
    } finally {
      Dexie.on.storagemutated.unsubscribe(listen)
    }
    expect(pauses).toBe(CARDS.length - 1)
    // Four batches, four commits, one notice: the open views read again once, after the import.
    expect(notices).toHaveLength(1)
    await expectConverged([a, b])
  })

  it('every writer is journaled: a bury of siblings, an undo, a suspend become events', async () => {
    const { buryCards, restoreCards } = await import('../review-queue')
    const a = await device()
    const changes = await buryCards(['a', 'b'], T0 + 48 * HOUR, a)
    await restoreCards(
      changes.map((c) => c.before),
      a
    )
    await setSuspended('c', true, a)
    const { logId } = await answer(a, 'd', 3, T0 + HOUR)
    await undoAnswer(logId, a)
    const kinds = (await a.cardEvents.toArray()).map(
      (e) => `${e.cardId}:${e.kind}:${e.until ?? ''}`
    )
    expect(kinds.sort()).toEqual(
      [
        `a:bury:${T0 + 48 * HOUR}`,
        `b:bury:${T0 + 48 * HOUR}`,
        'a:bury:0',
        'b:bury:0',
        'c:suspend:',
        'd:undo:'
      ].sort()
    )
    const log = (await a.reviewLogs.toArray())[0]
    expect(log).toBeUndefined()
  })
})
