import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { realPack } from '../test-support/real-pack'
import { generateCards } from '../domain/cards'
import type { NewCardPlacing } from '../domain/study-queue'
import { SYNCED_SETTING, idSetFingerprint, syncCardIds } from './card-sync'
import { StudyDatabase } from './database'
import { answerCard } from './study-store'

const t0 = new Date(2026, 2, 10, 10).getTime()
let db: StudyDatabase
let counter = 0

beforeEach(async () => {
  db = new StudyDatabase(`card-sync-test-${Date.now()}-${counter++}`)
  await db.open()
})
afterEach(() => db.close())

/** A database that records every query of card rows or keys (reads a sync would make). */
async function recordingDatabase() {
  const reads: string[] = []
  const recorded = new StudyDatabase(`card-sync-reads-${Date.now()}-${counter++}`)
  recorded.use({
    stack: 'dbcore',
    name: 'record-card-queries',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name)
        if (name !== 'cards') return table
        return {
          ...table,
          query: (request) => {
            reads.push(request.query.index.name || ':id')
            return table.query(request)
          },
          openCursor: (request) => {
            reads.push(request.query.index.name || ':id')
            return table.openCursor(request)
          }
        }
      }
    })
  })
  await recorded.open()
  return { recorded, reads }
}

/** A placing whose deal gives the ids in the order of `ranking` and records what it was asked. */
function placing(name: string, ranking: string[]) {
  const asked: string[][] = []
  const deal = (ids: readonly string[]) => {
    asked.push([...ids].sort())
    return [...ids].sort((a, b) => ranking.indexOf(a) - ranking.indexOf(b))
  }
  return { placing: { name, deal } satisfies NewCardPlacing, asked }
}

const dueOf = async (id: string) => (await db.cards.get(id))!.due

describe('syncCardIds at a session start', () => {
  it('reads no card row nor key when the pack gives the set of ids of the last sync', async () => {
    const { recorded, reads } = await recordingDatabase()
    try {
      const ids = generateCards(realPack()).map((c) => c.id)
      await syncCardIds(ids, t0, recorded)
      expect(reads.length).toBeGreaterThan(0)
      reads.length = 0
      // The same set in another order (another new-card order): nothing to do, nothing read.
      const again = await syncCardIds([...ids].reverse(), t0 + 1000, recorded)
      expect(again).toEqual({ added: 0, retired: 0, restored: 0, total: ids.length })
      expect(reads).toEqual([])
    } finally {
      recorded.close()
    }
  })

  it('syncs again when the set of ids changed or a row went missing', async () => {
    const ids = generateCards(realPack()).map((c) => c.id)
    await syncCardIds(ids, t0, db)
    expect(await syncCardIds([...ids, 'hand:extra'], t0, db)).toMatchObject({ added: 1 })
    expect(await syncCardIds(ids, t0, db)).toMatchObject({ added: 0, retired: 1 })
    await db.cards.delete(ids[3]!)
    expect(await syncCardIds(ids, t0, db)).toMatchObject({ added: 1, retired: 0 })
    expect((await db.cards.get(ids[3]!))?.state).toBe(0)
  })

  it('gives new rows their place in the list without a placing', async () => {
    await syncCardIds(['c', 'a', 'b'], t0, db)
    expect([await dueOf('c'), await dueOf('a'), await dueOf('b')]).toEqual([t0, t0 + 1, t0 + 2])
    // A card added later is due by its place in the whole list, as on a device that had it first.
    await syncCardIds(['c', 'a', 'b', 'd'], t0 + 9, db)
    expect(await dueOf('d')).toBe(t0 + 9 + 3)
  })

  it('deals only the ids that need a place: the new ones, then every new row when the order changes', async () => {
    const mixed = placing('mixed', ['c', 'a', 'd', 'b'])
    await syncCardIds(['a', 'b', 'c'], t0, db, mixed.placing)
    expect(mixed.asked).toEqual([['a', 'b', 'c']])
    expect([await dueOf('c'), await dueOf('a'), await dueOf('b')]).toEqual([t0, t0 + 1, t0 + 2])

    // Nothing new, even in a full sync (rows written behind the app's back): nothing dealt.
    await db.settings.delete(SYNCED_SETTING)
    expect(await syncCardIds(['b', 'c', 'a'], t0 + 5, db, mixed.placing)).toMatchObject({
      added: 0
    })
    expect(mixed.asked).toHaveLength(1)

    // A card added to the pack: it alone is dealt, and placed after the new rows already there.
    await syncCardIds(['a', 'b', 'c', 'd'], t0 + 9, db, mixed.placing)
    expect(mixed.asked[1]).toEqual(['d'])
    expect(await dueOf('d')).toBe(t0 + 9)
    expect(await dueOf('c')).toBe(t0)

    // Another order: every new row still in the pack is dealt again (the studied one keeps its due).
    await answerCard(
      { cardId: 'c', rating: 3, now: t0 + 20, mode: 'flip', retention: 0.9, durationMs: 1 },
      db
    )
    const studied = await dueOf('c')
    const byDate = placing('date', ['a', 'b', 'c', 'd'])
    await syncCardIds(['a', 'b', 'c', 'd'], t0 + 30, db, byDate.placing)
    expect(byDate.asked).toEqual([['a', 'b', 'd']])
    expect([await dueOf('a'), await dueOf('b'), await dueOf('d')]).toEqual([
      t0 + 30,
      t0 + 31,
      t0 + 32
    ])
    expect(await dueOf('c')).toBe(studied)
    // Its name is kept: the next start deals nothing.
    await syncCardIds(['a', 'b', 'c', 'd'], t0 + 40, db, byDate.placing)
    expect(byDate.asked).toHaveLength(1)
  })

  it('places the new rows again after an order change without reading every key', async () => {
    const { recorded, reads } = await recordingDatabase()
    try {
      const ids = generateCards(realPack()).map((c) => c.id)
      await syncCardIds(ids, t0, recorded, placing('mixed', ids).placing)
      reads.length = 0
      const reversed = [...ids].reverse()
      await syncCardIds(ids, t0 + 1000, recorded, placing('date', reversed).placing)
      expect(reads).not.toContain(':id')
      const first = await recorded.cards
        .where('[retired+suspended+state+due]')
        .between([0, 0, 0, -Infinity], [0, 0, 0, Infinity])
        .first()
      expect(first?.id).toBe(reversed[0])
    } finally {
      recorded.close()
    }
  })

  it('gives the same fingerprint to a set in any order, and another to another set', () => {
    expect(idSetFingerprint(['a', 'b', 'c'])).toBe(idSetFingerprint(['c', 'a', 'b']))
    expect(idSetFingerprint(['a', 'b', 'c'])).not.toBe(idSetFingerprint(['a', 'b', 'd']))
    expect(idSetFingerprint(['ab', 'c'])).not.toBe(idSetFingerprint(['a', 'bc']))
  })
})
