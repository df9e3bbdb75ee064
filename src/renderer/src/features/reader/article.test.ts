import { describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { REFERENCES_NOTE_ID, firstScreenSections, linkTargetsByBlock, placeNotes } from './article'
import { findLinks } from './text'
import { findBlock } from '$shared/pack-integrity'

const pack = realPack()
const textOf = (id: string) => {
  const block = findBlock(pack, id)?.block
  if (!block || block.kind === 'figure') throw new Error(id)
  return block.text
}

describe('placeNotes', () => {
  const placed = placeNotes(pack)
  const ids = (list: { id: string }[] | undefined) => (list ?? []).map((n) => n.id)

  it('puts a note attached to a paragraph, its event and its figure after that paragraph, once', () => {
    expect(ids(placed.byBlock.get('p-trade-1'))).toEqual(['note-trade-total-billion'])
    expect(ids(placed.byBlock.get('p-soviet-era-1'))).toEqual([
      'note-ussr-1922',
      'note-kollontai-first'
    ])
  })

  it('shows the note of the two empty State visits tables once, after the last of them', () => {
    expect(placed.byBlock.get('table-visits-mexico-to-russia')).toBeUndefined()
    expect(ids(placed.byBlock.get('table-visits-russia-to-mexico'))).toEqual([
      'note-state-visits-empty'
    ])
    expect(placed.bySection.get('state-visits')).toBeUndefined()
  })

  it('puts a note about section titles under each heading it concerns', () => {
    for (const section of ['history', 'military', 'trade']) {
      expect(ids(placed.bySection.get(section))).toEqual(['note-untitled-sections'])
    }
  })

  it('keeps the missing-references note for the citation markers and places every other note', () => {
    expect(placed.references?.id).toBe(REFERENCES_NOTE_ID)
    const shown = new Set(
      [...placed.byBlock.values(), ...placed.bySection.values()].flat().map((n) => n.id)
    )
    const others = pack.notes.map((n) => n.id).filter((id) => id !== REFERENCES_NOTE_ID)
    expect([...shown].sort()).toEqual(others.sort())
  })
})

describe('linkTargetsByBlock', () => {
  const targets = linkTargetsByBlock(pack)
  const linked = (id: string) =>
    findLinks(textOf(id), targets.get(id) ?? []).map((l) => [
      textOf(id).slice(l.start, l.end),
      l.href
    ])

  it('links each event date to the timeline and each person to their page', () => {
    expect(linked('p-soviet-era-1')).toEqual([
      ['In 1922', '#/timeline/1922-ussr-formed'],
      ['August 1924', '#/timeline/1924-relations-with-ussr'],
      ['In 1926', '#/timeline/1926-kollontai-ambassador'],
      ['Alexandra Kollontai', '#/entity/alexandra-kollontai']
    ])
    const soviet2 = linked('p-soviet-era-2')
    expect(soviet2).toContainEqual(['Lázaro Cárdenas', '#/entity/lazaro-cardenas'])
    expect(soviet2).toContainEqual(['Ramón Mercader', '#/entity/ramon-mercader'])
    expect(soviet2).toContainEqual(['In August 1940', '#/timeline/1940-trotsky-assassinated'])
  })

  it('links every event to its paragraph, so none is left out', () => {
    for (const event of pack.events) {
      const block = findBlock(pack, event.paragraphId)?.block
      if (!block) throw new Error(event.id)
      const text = block.kind === 'figure' ? block.caption : block.text
      const links = findLinks(text, targets.get(event.paragraphId) ?? [])
      expect(
        links.map((l) => l.href),
        event.id
      ).toContain(`#/timeline/${event.id}`)
    }
  })
})

describe('firstScreenSections', () => {
  const sections = (...sizes: number[]) => sizes.map((n) => ({ blocks: Array(n).fill(0) }))

  it('takes sections from the top until they hold the blocks asked for', () => {
    expect(firstScreenSections(sections(2, 2, 3, 1), 3)).toBe(2)
    expect(firstScreenSections(sections(3, 2), 3)).toBe(1)
    expect(firstScreenSections(sections(1, 0, 1, 5), 3)).toBe(4)
  })

  it('always takes the first section, and never more than there are', () => {
    expect(firstScreenSections(sections(0, 4), 0)).toBe(1)
    expect(firstScreenSections(sections(1, 1), 10)).toBe(2)
    expect(firstScreenSections([], 3)).toBe(0)
  })

  it('takes the two opening sections of the real article for the first screen', () => {
    expect(firstScreenSections(pack.sections, 3)).toBe(2)
    expect(pack.sections.length).toBeGreaterThan(2)
  })
})
