import { describe, expect, it } from 'vitest'
import { findHits, foldedWords, queryWords } from './match'

const hitTexts = (text: string, query: string) =>
  findHits(foldedWords(text), queryWords(query)).map((h) => ({
    tier: h.tier,
    text: h.ranges.map((r) => text.slice(r.start, r.end))
  }))

describe('findHits', () => {
  const text = 'In 1806 Alexander I sent Rezanov; in 1890 Alexander III authorised Baron Rosen.'

  it('finds several words as a phrase, not each word alone', () => {
    expect(hitTexts(text, 'Alexander I')).toEqual([{ tier: 3, text: ['Alexander I'] }])
    expect(hitTexts(text, 'alexander i')).toHaveLength(1)
  })

  it('takes a phrase typed from the beginning of its words when no exact one exists', () => {
    expect(hitTexts(text, 'alexand ii')).toEqual([{ tier: 2, text: ['Alexander III'] }])
    expect(hitTexts('Mexico City and Mexico', 'mexico cit')).toEqual([
      { tier: 2, text: ['Mexico City'] }
    ])
  })

  it('falls back to all the words near each other, in any order, each highlighted', () => {
    expect(hitTexts(text, 'Rosen Baron')).toEqual([{ tier: 1, text: ['Baron', 'Rosen'] }])
    expect(hitTexts(text, '1806 Rosen')).toEqual([])
  })

  it('ignores accents, case and citation markers', () => {
    expect(hitTexts('Lázaro Cárdenas[2] met', 'LAZARO cardenas')).toEqual([
      { tier: 3, text: ['Lázaro Cárdenas'] }
    ])
    expect(hitTexts('Trade grew.[2]', '2')).toEqual([])
  })

  it('matches one word by its beginning, exact words first', () => {
    expect(hitTexts('Kollontai, Kollontaiev', 'kollontai')).toEqual([
      { tier: 3, text: ['Kollontai'] }
    ])
    expect(hitTexts('Kollontai arrived', 'kollon')).toEqual([{ tier: 2, text: ['Kollontai'] }])
  })
})
