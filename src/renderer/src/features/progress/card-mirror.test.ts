/** The card rows kept for the progress figures: the same figures as the index counts, write after write. */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { StudyDatabase } from '../../db/database'
import { syncCardIds } from '../../db/card-sync'
import { buryCard, setSuspended } from '../../db/study-store'
import { toCardRow } from '../../domain/card-state'
import { newCardState, schedule } from '../../domain/scheduler'
import { cardFigures } from './card-figures'
import { CardMirror } from './card-mirror'

const NOW = Date.UTC(2026, 2, 10, 12)
const DAY = 86_400_000
let db: StudyDatabase
let counter = 0
beforeEach(async () => {
  db = new StudyDatabase(`card-mirror-test-${Date.now()}-${counter++}`)
  await db.open()
})
afterEach(() => db.close())

it('gives the figures of the index counts, following the ids noted and whole rewrites', async () => {
  const ids = Array.from({ length: 12 }, (_, i) => `c${i}`)
  await syncCardIds(ids, NOW - DAY, db)
  const mirror = new CardMirror(db)
  mirror.note('all')
  expect(await mirror.figures(NOW)).toEqual(await cardFigures(db, NOW))

  // Reviews spread over the next days, a suspension and a burial past tomorrow, each noted.
  for (const [i, id] of ids.slice(0, 6).entries()) {
    const row = (await db.cards.get(id))!
    await db.cards.put({ ...row, ...schedule(row, 3, NOW - (i + 1) * DAY, 0.9) })
    await db.cards.put({ ...(await db.cards.get(id))!, ...schedule(row, 4, NOW - DAY, 0.9) })
  }
  await setSuspended('c1', true, db)
  await buryCard('c2', NOW + 3 * DAY, db)
  mirror.note(ids.slice(0, 6))
  expect(await mirror.figures(NOW)).toEqual(await cardFigures(db, NOW))
  // A change not yet noted is not seen; once noted, it is.
  await db.cards.delete('c11')
  expect((await mirror.figures(NOW)).cards).toBe(12)
  mirror.note(['c11'])
  expect(await mirror.figures(NOW)).toEqual(await cardFigures(db, NOW))

  // A whole rewrite (a restore): every row is read again.
  await db.cards.clear()
  await db.cards.bulkAdd(
    ids.map((id, i) =>
      toCardRow({
        id,
        ...schedule(newCardState(NOW - i * DAY), 3, NOW - i * DAY, 0.9),
        suspended: 0,
        buriedUntil: 0,
        retired: 0
      })
    )
  )
  mirror.note('all')
  expect(await mirror.figures(NOW)).toEqual(await cardFigures(db, NOW))
  expect((await mirror.figures(NOW + 40 * DAY)).forecast).toEqual(
    (await cardFigures(db, NOW + 40 * DAY)).forecast
  )
})
