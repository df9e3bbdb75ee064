import { describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { findBlock } from '$shared/pack-integrity'
import { ArticleSearch } from './search'
import { blockText } from './article'

const pack = realPack()
const search = new ArticleSearch(pack)
const found = (query: string) =>
  search.search(query).map((m) => {
    const block = findBlock(pack, m.blockId)?.block
    return block ? [m.blockId, blockText(block).slice(m.start, m.end)] : []
  })

describe('ArticleSearch', () => {
  it('builds its index only when first asked, so opening the reader does not wait for it', () => {
    const fresh = new ArticleSearch(pack)
    expect(fresh.ready).toBe(false)
    expect(fresh.search('k')).toEqual([])
    expect(fresh.ready).toBe(false)
    expect(fresh.search('kollontai').length).toBe(1)
    expect(fresh.ready).toBe(true)
  })

  it('finds a name typed without its accents, as one match', () => {
    expect(found('Lazaro Cardenas')).toEqual([['p-soviet-era-2', 'Lázaro Cárdenas']])
    expect(found('lazaro')).toEqual([['p-soviet-era-2', 'Lázaro']])
  })

  it('ignores case, and finds a word from its beginning or with a typo', () => {
    expect(found('kollontai')).toEqual([['p-soviet-era-1', 'Kollontai']])
    expect(found('kollon')).toEqual([['p-soviet-era-1', 'Kollontai']])
    expect(found('kolontai')).toEqual([['p-soviet-era-1', 'Kollontai']])
  })

  it('numbers every match in reading order across blocks', () => {
    expect(found('Trotsky').length).toBe(3)
    const matches = search.search('ussr')
    const blocks = pack.sections.flatMap((s) => s.blocks)
    const expected = blocks.flatMap((b) =>
      [...blockText(b).matchAll(/USSR/g)].map((m) => [b.id, m.index])
    )
    expect(matches.map((m) => [m.blockId, m.start])).toEqual(expected)
    expect(new Set(expected.map(([id]) => id)).size).toBeGreaterThan(1)
    expect(matches.map((m) => m.index)).toEqual(expected.map((_, i) => i))
  })

  it('searches figure captions and the words of empty blocks', () => {
    expect(found('Putin')).toEqual([['fig-introduction-1', 'Putin']])
    expect(found('presidential visits')).toEqual([
      ['table-visits-mexico-to-russia', 'Presidential visits'],
      ['table-visits-russia-to-mexico', 'Presidential visits']
    ])
  })

  it('finds nothing for a blank or one-letter query, nor for citation numbers', () => {
    expect(search.search('')).toEqual([])
    expect(search.search('  ')).toEqual([])
    expect(search.search('m')).toEqual([])
    expect(found('[4]')).toEqual([])
    expect(found('zzzzqq')).toEqual([])
  })
})

describe('ArticleSearch with several words', () => {
  it('finds a phrase, not each of its words', () => {
    expect(found('Alexander I')).toEqual([['p-history-1', 'Alexander I']])
    const city = found('Mexico City')
    expect(city.length).toBeGreaterThan(0)
    expect(city.every(([, text]) => text === 'Mexico City')).toBe(true)
  })

  it('falls back to all the words near each other, numbered once per place', () => {
    const matches = search.search('Kollontai ambassador')
    expect(matches.length).toBeGreaterThan(0)
    expect(matches.every((m) => m.near)).toBe(true)
    expect(new Set(matches.map((m) => m.index)).size).toBeLessThan(matches.length)
  })
})
