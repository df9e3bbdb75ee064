/** The keys a Dexie change notice names, as mastery follows them. */
import { afterEach, describe, expect, it } from 'vitest'
import Dexie, { type ObservabilitySet } from 'dexie'
import { mutatedKeys } from './mutated-keys'

let db: Dexie | undefined
afterEach(() => db?.delete())

/** The notices Dexie gives for the writes of `write`, in one database with a `cards` table. */
async function noticesOf(write: (cards: Dexie.Table<{ id: string }, string>) => Promise<unknown>) {
  db = new Dexie(`mutated-keys-${Math.random()}`)
  db.version(1).stores({ cards: 'id', other: 'id' })
  const cards = db.table<{ id: string }, string>('cards')
  await cards.bulkPut([{ id: 'a' }, { id: 'b' }, { id: 'c' }])
  const seen: ObservabilitySet[] = []
  const listen = (parts: ObservabilitySet) => void seen.push(parts)
  Dexie.on('storagemutated', listen)
  try {
    await write(cards)
  } finally {
    Dexie.on('storagemutated').unsubscribe(listen)
  }
  return seen.map((parts) => mutatedKeys(parts, db!.name, 'cards'))
}

describe('mutatedKeys', () => {
  it('names the rows a small write put or deleted, one by one', async () => {
    expect(await noticesOf((cards) => cards.put({ id: 'b' }))).toEqual([['b']])
    expect(await noticesOf((cards) => cards.bulkDelete(['a', 'c']))).toEqual([['a', 'c']])
  })

  it('says "all" for a write it cannot name row by row (a clear, a bulk write)', async () => {
    expect(await noticesOf((cards) => cards.clear())).toEqual(['all'])
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `x${i}` }))
    expect(await noticesOf((cards) => cards.bulkPut(many))).toEqual(['all'])
  })

  it('names no card for a write to another table', async () => {
    expect(
      await noticesOf(async () => {
        await db!.table('other').put({ id: 'z' })
      })
    ).toEqual([[]])
  })
})
