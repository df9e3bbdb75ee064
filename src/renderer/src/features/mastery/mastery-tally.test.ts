import { describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { buildStudyContent } from '../../domain/content'
import { masteryShares } from '../../domain/stats'
import { MasteryTally } from './mastery-tally'

const { cards } = buildStudyContent(realPack())
const ids = (every: number, offset = 0) =>
  new Set(cards.filter((_, i) => (i + offset) % every === 0).map((c) => c.id))

describe('MasteryTally', () => {
  it('gives the shares of a walk over every card, set after set, as cards come and go', () => {
    const tally = new MasteryTally(cards)
    for (const mastered of [
      new Set<string>(),
      ids(3),
      ids(2),
      ids(5, 1),
      new Set([...ids(7), 'a card no longer in the pack']),
      new Set(cards.map((c) => c.id)),
      new Set<string>()
    ]) {
      expect(tally.update(mastered)).toEqual(masteryShares(cards, mastered))
    }
  })

  it('hands out new maps each time, so a change is seen', () => {
    const tally = new MasteryTally(cards)
    const first = tally.update(ids(3))
    const second = tally.update(ids(3))
    expect(second.byEra).not.toBe(first.byEra)
    expect(second).toEqual(first)
  })

  it('moves only the cards named by a change, to the shares of a walk over every card', () => {
    const tally = new MasteryTally(cards)
    tally.update(ids(3))
    const a = cards[0]!.id
    const b = cards[1]!.id
    // a was mastered (index 0), b was not; a fades, b is learnt, an unknown id is ignored.
    const shares = tally.change(
      new Map([
        [a, false],
        [b, true],
        ['not a card', true]
      ])
    )
    const expected = new Set([...ids(3), b, 'not a card'])
    expected.delete(a)
    expect(shares).toEqual(masteryShares(cards, expected))
    // Naming a card as it already is changes nothing.
    expect(tally.change(new Map([[b, true]]))).toEqual(shares)
    // A whole set after changes starts from the changed one.
    expect(tally.update(ids(2))).toEqual(masteryShares(cards, ids(2)))
  })

  it('built a card at a time and marked an id at a time, gives the same shares as a whole walk', () => {
    const tally = new MasteryTally()
    for (const card of cards) tally.add(card)
    for (const id of ids(3)) tally.mark(id, true)
    expect(tally.shares()).toEqual(masteryShares(cards, ids(3)))
    // The next set applied id by id: the new ones marked, the ones gone unmarked.
    const gone = tally.masteredNow()
    for (const id of ids(2)) {
      gone.delete(id)
      tally.mark(id, true)
    }
    for (const id of gone) tally.mark(id, false)
    expect(tally.shares()).toEqual(masteryShares(cards, ids(2)))
    expect(tally.update(ids(5))).toEqual(masteryShares(cards, ids(5)))
  })
})
