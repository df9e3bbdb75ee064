import { describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { buildStudyContent } from '../../domain/content'
import { SearchIndex } from './search-index'

const content = buildStudyContent(realPack())
const index = new SearchIndex(content)
const group = (query: string, kind: string) => index.search(query, 100).find((g) => g.kind === kind)

describe('SearchIndex', () => {
  it('builds its index on first use, not when the app starts', () => {
    const fresh = new SearchIndex(buildStudyContent(realPack()))
    expect(fresh.ready).toBe(false)
    expect(fresh.search(' ')).toEqual([])
    expect(fresh.ready).toBe(false)
    expect(fresh.search('Kollontai').length).toBeGreaterThan(0)
    expect(fresh.ready).toBe(true)
  })

  it('reaches people, events, paragraphs and cards, grouped in a fixed order', () => {
    const groups = index.search('Kollontai')
    expect(groups.map((g) => g.kind)).toEqual(['entity', 'event', 'article', 'card'])
    expect(groups[0]?.results[0]).toMatchObject({
      title: 'Alexandra Kollontai',
      href: '#/entity/alexandra-kollontai'
    })
    expect(group('Kollontai', 'event')?.results[0]?.href).toBe(
      '#/timeline/1926-kollontai-ambassador'
    )
    expect(group('Kollontai', 'article')?.results[0]?.href).toBe('#/reader/p-soviet-era-1')
    expect(group('Kollontai', 'card')?.results[0]?.href).toMatch(/^#\/study\?card=/)
  })

  it('ranks a phrase above the same words apart, and a name above a mention', () => {
    const people = group('Alexander I', 'entity')?.results ?? []
    expect(people[0]?.title).toBe('Alexander I')
    const paragraphs = group('Alexander I', 'article')?.results ?? []
    expect(paragraphs[0]?.id).toBe('p-history-1')
    expect(paragraphs[0]?.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['Alexander I'])
  })

  it('ignores accents and finds words from their beginning; finds nothing for a blank query', () => {
    expect(group('lazaro card', 'entity')?.results[0]?.title).toBe('Lázaro Cárdenas')
    expect(index.search('   ')).toEqual([])
    expect(index.search('qqzzxx')).toEqual([])
  })

  it('cuts each group to a few results and says how many there were', () => {
    const mexico = index.search('Mexico', 3)
    for (const g of mexico) expect(g.results.length).toBeLessThanOrEqual(3)
    expect(mexico.some((g) => g.total > 3)).toBe(true)
  })
})
