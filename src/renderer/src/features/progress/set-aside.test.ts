import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { StudyDatabase } from '../../db/database'
import { syncCardIds } from '../../db/card-sync'
import { buryCard, getCard, setAsideCards, setSuspended } from '../../db/study-store'
import { generateCards } from '../../domain/cards'
import { doneMessage, setAsideEntries } from './set-aside'

const t0 = new Date(2026, 2, 10, 10).getTime()
const tomorrow = t0 + 86_400_000
let db: StudyDatabase
let counter = 0

beforeEach(async () => {
  db = new StudyDatabase(`set-aside-test-${Date.now()}-${counter++}`)
  await db.open()
})
afterEach(() => db.close())

describe('setAsideCards and setAsideEntries', () => {
  it('lists suspended and buried cards in deck order with their question and era, retired ones left out', async () => {
    const pack = realPack()
    const cards = generateCards(pack)
    await syncCardIds(
      generateCards(pack).map((c) => c.id),
      t0,
      db
    )
    const [a, b, c, d, e] = cards.map((card) => card.id)
    // Suspended out of deck order; one suspended card also buried counts only as suspended.
    await setSuspended(c!, true, db)
    await setSuspended(a!, true, db)
    await buryCard(a!, tomorrow, db)
    await buryCard(b!, tomorrow, db)
    // A burial that has run out is not listed; a retired suspended card is not either.
    await buryCard(d!, t0 - 1, db)
    await setSuspended(e!, true, db)
    await db.cards.update(e!, { retired: 1 })

    const rows = await setAsideCards(t0, db)
    const listed = setAsideEntries(rows, cards, pack.eras)
    expect(listed.suspended.map((x) => x.id)).toEqual([a, c])
    expect(listed.buried.map((x) => x.id)).toEqual([b])
    const first = cards[0]!
    expect(listed.suspended[0]).toEqual({
      id: first.id,
      question: first.question,
      eraLabel: pack.eras.find((era) => era.id === first.era)!.label,
      href: `#/reader/${encodeURIComponent(first.paragraphId)}`,
      buriedUntil: 0
    })
    expect(listed.buried[0]!.buriedUntil).toBe(tomorrow)

    // Unsuspending keeps the FSRS state of the row and takes it off the list.
    const before = await getCard(a!, db)
    await setSuspended(a!, false, db)
    expect(await getCard(a!, db)).toEqual({ ...before, suspended: 0 })
    const after = setAsideEntries(await setAsideCards(t0, db), cards, pack.eras)
    expect(after.suspended.map((x) => x.id)).toEqual([c])
    // Still buried until tomorrow, it now shows as buried.
    expect(after.buried.map((x) => x.id)).toEqual([a, b])
  })

  it('leaves out rows whose card is no longer in the pack', () => {
    const pack = realPack()
    const cards = generateCards(pack)
    const row = { id: 'gone:card', suspended: 1, buriedUntil: 0, retired: 0 } as never
    expect(setAsideEntries({ suspended: [row], buried: [] }, cards, pack.eras)).toEqual({
      suspended: [],
      buried: []
    })
  })
})

describe('doneMessage', () => {
  it('says how many cards, in the singular for one', () => {
    expect(doneMessage('Unsuspended', 1)).toBe('Unsuspended 1 card')
    expect(doneMessage('Unburied', 3)).toBe('Unburied 3 cards')
  })
})
