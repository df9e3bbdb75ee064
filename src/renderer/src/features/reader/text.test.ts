import { describe, expect, it } from 'vitest'
import {
  findLinks,
  findWordMatches,
  normalize,
  normalizeWithMap,
  segmentText,
  segmentsText,
  tokenize,
  type LinkTarget
} from './text'

describe('normalize', () => {
  it('folds case, accents, dashes and curly quotes', () => {
    expect(normalize('Lázaro Cárdenas')).toBe('lazaro cardenas')
    expect(normalize('KOLLONTAI')).toBe('kollontai')
    expect(normalize('Mexico–Russia’s')).toBe("mexico-russia's")
    expect(normalize('Ramón Mercader, Echeverría, López')).toBe('ramon mercader, echeverria, lopez')
  })

  it('maps every normalised character back to its original, also for decomposed text', () => {
    const decomposed = 'Ca\u0301rdenas'
    const { text, source } = normalizeWithMap(decomposed)
    expect(text).toBe('cardenas')
    expect(source).toEqual([0, 1, 3, 4, 5, 6, 7, 8, 9])
  })
})

describe('tokenize', () => {
  it('splits on anything but letters and digits', () => {
    expect(tokenize("BTR-60's Ural-4320, Mi-17/8's")).toEqual([
      'BTR',
      '60',
      's',
      'Ural',
      '4320',
      'Mi',
      '17',
      '8',
      's'
    ])
    expect(tokenize('Lázaro Cárdenas')).toEqual(['Lázaro', 'Cárdenas'])
  })
})

describe('findWordMatches', () => {
  const text =
    'Mexican President Lázaro Cárdenas welcomed him warmly.[3] Cárdenas and Trotsky, [citation needed]'

  it('finds whole words whatever their accents or case, joining neighbours into one match', () => {
    const ranges = findWordMatches(text, ['lazaro', 'cardenas'])
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['Lázaro Cárdenas', 'Cárdenas'])
  })

  it('never matches inside a word or inside a citation marker or flag', () => {
    expect(findWordMatches(text, ['card'])).toEqual([])
    expect(findWordMatches(text, ['3'])).toEqual([])
    expect(findWordMatches(text, ['citation'])).toEqual([])
  })

  it('does not join matches that punctuation separates', () => {
    const list = 'tequila, beer, beef'
    const ranges = findWordMatches(list, ['tequila', 'beer'])
    expect(ranges.map((r) => list.slice(r.start, r.end))).toEqual(['tequila', 'beer'])
  })
})

describe('findLinks', () => {
  const target = (href: string, ...phrases: string[]): LinkTarget => ({
    kind: 'event',
    href,
    label: href,
    phrases
  })

  it('gives two events with the same date words the first and the second occurrence', () => {
    const text = 'In 1806, Russia began. In 1806, Rezanov arrived. In 1812, Fort Ross.[1]'
    const links = findLinks(text, [
      target('a', 'In 1806'),
      target('b', 'In 1806'),
      target('c', 'In 1812')
    ])
    expect(links.map((l) => [l.href, l.start])).toEqual([
      ['a', 0],
      ['b', 23],
      ['c', 49]
    ])
  })

  it('matches whole words only, prefers the longer phrase and skips citation markers', () => {
    const text = 'Emperor Alexander III, not Alexander I.[1]'
    const links = findLinks(text, [
      target('i', 'Alexander I', 'Emperor Alexander I'),
      target('one', '1')
    ])
    expect(links.map((l) => text.slice(l.start, l.end))).toEqual(['Alexander I'])
    const longer = findLinks('Emperor Alexander I began', [
      target('i', 'Alexander I', 'Emperor Alexander I')
    ])
    expect(longer[0]).toMatchObject({ start: 0, end: 19 })
  })

  it('falls back to any case when the exact case is absent', () => {
    const links = findLinks('re-established in November 1942.', [target('x', 'In November 1942')])
    expect(links[0]).toMatchObject({ start: 15, end: 31 })
  })
})

describe('segmentText', () => {
  const text =
    'In 1926, the USSR appointed Alexandra Kollontai as ambassador.[2] Still in service.[citation needed]'

  it('keeps the text verbatim and sets citations and flags apart', () => {
    const segments = segmentText(text)
    expect(segmentsText(segments)).toBe(text)
    expect(segments.filter((s) => s.kind === 'citation')).toEqual([
      { kind: 'citation', number: 2, text: '[2]' }
    ])
    expect(segments.filter((s) => s.kind === 'flag')).toEqual([
      { kind: 'flag', text: '[citation needed]' }
    ])
  })

  it('cuts links and highlights, including a highlight across a link edge', () => {
    const links = findLinks(text, [
      { kind: 'event', href: '#/timeline/1926', label: 'e', phrases: ['In 1926'] },
      { kind: 'entity', href: '#/timeline?entity=k', label: 'k', phrases: ['Alexandra Kollontai'] }
    ])
    const start = text.indexOf('appointed')
    const end = text.indexOf('Alexandra') + 'Alexandra'.length
    const segments = segmentText(text, links, [{ start, end, index: 4 }])
    expect(segmentsText(segments)).toBe(text)
    const link = segments.find((s) => s.kind === 'link' && s.link === 'entity')
    expect(link).toMatchObject({
      href: '#/timeline?entity=k',
      pieces: [{ text: 'Alexandra', match: 4 }, { text: ' Kollontai' }]
    })
    const before = segments[1]
    expect(before).toMatchObject({
      kind: 'text',
      pieces: [{ text: ', the USSR ' }, { text: 'appointed ', match: 4 }]
    })
    expect(segments[0]).toMatchObject({
      kind: 'link',
      href: '#/timeline/1926',
      pieces: [{ text: 'In 1926' }]
    })
  })
})
