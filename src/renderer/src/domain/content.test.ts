import { describe, expect, it } from 'vitest'
import { realPack } from '../test-support/real-pack'
import { buildStudyContent } from './content'
import { generateCards } from './cards'

describe('buildStudyContent', () => {
  const pack = realPack()

  it('gives the generated cards, their ids in order and a lookup by id', () => {
    const content = buildStudyContent(pack)
    const expected = generateCards(pack)
    expect(content.cards.map((c) => c.id)).toEqual(expected.map((c) => c.id))
    expect(content.cardIds).toEqual(expected.map((c) => c.id))
    const last = expected.at(-1)!
    expect(content.cardById.get(last.id)?.question).toBe(last.question)
    expect(content.eventById.get(pack.events[0]!.id)).toBe(pack.events[0])
    expect(content.entityById.get(pack.entities[0]!.id)).toBe(pack.entities[0])
  })

  it('generates the cards once, on first use, and hands out the same list after', () => {
    const content = buildStudyContent(pack)
    const first = content.cards
    expect(content.cards).toBe(first)
    expect(content.cardById.get(first[0]!.id)).toBe(first[0])
  })
})
