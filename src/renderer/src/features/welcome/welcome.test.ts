import { describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { buildStudyContent } from '../../domain/content'
import { welcomeFacts } from './welcome'

describe('welcomeFacts', () => {
  it('counts what the pack really holds', () => {
    const content = buildStudyContent(realPack())
    const facts = welcomeFacts(content)
    expect(facts).toEqual({
      sections: 9,
      events: 24,
      figures: content.pack.trade.figures.length,
      entities: content.pack.entities.length,
      cards: content.cards.length
    })
    expect(facts.cards).toBeGreaterThan(50)
  })
})
