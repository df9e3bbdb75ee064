import { describe, expect, it } from 'vitest'
import { checkPackIntegrity, findBlock } from './pack-integrity'
import * as v from 'valibot'
import { Pack as PackSchema, parsePack, type Block, type Entity, type Pack } from './pack-schema'

import { readFileSync } from 'node:fs'

const raw: unknown = JSON.parse(
  readFileSync(new URL('../../resources/packs/mexico-russia/pack.json', import.meta.url), 'utf8')
)

function loadPack(): Pack {
  const result = parsePack(raw)
  if (!result.ok) throw new Error(result.problems.join('\n'))
  return result.pack
}

/** The words of a block as the source has them; a figure counts its caption and file name. */
function blockText(block: Block): string {
  return block.kind === 'figure' ? `${block.caption}\n${block.file}` : block.text
}

function textOf(pack: Pack, blockId: string): string {
  const found = findBlock(pack, blockId)
  if (!found) throw new Error(`no block ${blockId}`)
  return blockText(found.block)
}

/** The name, any alias, or (for a person) the surname. */
function namesOf(entity: Entity): string[] {
  const names = [entity.name, ...(entity.aliases ?? [])]
  if (entity.kind === 'person') names.push(entity.name.split(' ').at(-1) ?? entity.name)
  return names
}

const pack = loadPack()

describe('the Mexico–Russia pack', () => {
  it('parses against the schema', () => {
    expect(parsePack(raw)).toMatchObject({ ok: true })
    expect(pack.format).toBe('mexico-russia-study/pack')
    expect(pack.schemaVersion).toBe(1)
    expect(pack.packVersion).toMatch(/^\d{4}\.\d{1,2}\.\d+$/)
  })

  it('passes the integrity check', () => {
    expect(checkPackIntegrity(pack)).toEqual([])
  })

  it('keeps the source text and every block verbatim', () => {
    const source = pack.source.text
    expect(source.startsWith('Mexico–Russia relations')).toBe(true)
    for (const block of pack.sections.flatMap((s) => s.blocks)) {
      if (block.kind === 'figure') {
        expect(source).toContain(block.caption)
        expect(source).toContain(`File:${block.file}`)
      } else {
        expect(source, block.id).toContain(block.text)
      }
    }
  })

  it('has the sections in the order of the article', () => {
    expect(pack.sections.map((s) => s.id)).toEqual([
      'introduction',
      'history',
      'soviet-era',
      'russian-federation',
      'state-visits',
      'military',
      'trade',
      'resident-diplomatic-missions',
      'see-also'
    ])
  })

  it('quotes the source verbatim in trade figures, flows, flights and notes', () => {
    const { trade } = pack
    for (const q of [...trade.figures, ...trade.flows, trade.flights]) {
      expect(textOf(pack, q.paragraphId), q.quote).toContain(q.quote)
    }
    for (const note of pack.notes) {
      if (note.sourceSays) expect(pack.source.text, note.id).toContain(note.sourceSays)
    }
  })

  it('dates every event by words found in its paragraph', () => {
    for (const event of pack.events) {
      const text = textOf(pack, event.paragraphId)
      expect(text, event.id).toContain(String(event.date.year))
      if (event.date.precision === 'range')
        expect(text, event.id).toContain(String(event.date.endYear))
      expect(text, event.id).toContain(event.dateText)
    }
  })

  it('names every linked entity in the paragraphs it is linked to', () => {
    const entities = new Map(pack.entities.map((e) => [e.id, e]))
    const named = (entity: Entity, blockId: string) =>
      namesOf(entity).some((name) => textOf(pack, blockId).includes(name))
    for (const event of pack.events) {
      for (const id of event.entityIds) {
        const entity = entities.get(id)
        expect(entity && named(entity, event.paragraphId), `${event.id} → ${id}`).toBe(true)
      }
    }
    for (const entity of pack.entities) {
      for (const blockId of entity.paragraphIds) {
        expect(named(entity, blockId), `${entity.id} in ${blockId}`).toBe(true)
      }
    }
  })

  it('covers the dated statements from 1806 to 2014', () => {
    expect(pack.events.length).toBeGreaterThanOrEqual(20)
    const years = pack.events.flatMap((e) =>
      e.date.precision === 'range' ? [e.date.year, e.date.endYear] : [e.date.year]
    )
    expect(Math.min(...years)).toBe(1806)
    expect(Math.max(...years)).toBe(2014)
  })

  it('has every person the article names', () => {
    const people = pack.entities.filter((e) => e.kind === 'person').flatMap(namesOf)
    for (const name of [
      'Nikolai Rezanov',
      'Alexander I',
      'Alexander III',
      'Baron Roman Rosen',
      'Alexandra Kollontai',
      'Leon Trotsky',
      'Natalia Sedova',
      'Lázaro Cárdenas',
      'Diego Rivera',
      'Frida Kahlo',
      'Ramón Mercader',
      'Luis Echeverría',
      'José López Portillo',
      'Vladimir Putin',
      'Vicente Fox'
    ]) {
      expect(people, name).toContain(name)
    }
  })

  it('attaches the editorial notes to the facts they concern', () => {
    const notesOn = (id: string) => pack.notes.filter((n) => n.attachedTo.includes(id))
    const noteOn = (id: string, words: RegExp) =>
      notesOn(id).some((n) => words.test(n.text) || words.test(n.sourceSays ?? ''))

    expect(noteOn('trade-total-2014', /1\.784 billion/)).toBe(true)
    expect(noteOn('trade-total-2014', /\$1,784 billion USD/)).toBe(true)
    const tlatelolco = pack.events.find((e) => e.title.includes('Tlatelolco'))
    expect(
      tlatelolco && noteOn(tlatelolco.id, /1967/) && noteOn(tlatelolco.id, /Protocol II/)
    ).toBe(true)
    const trotsky = pack.events.find(
      (e) => e.date.year === 1936 && e.entityIds.includes('leon-trotsky')
    )
    expect(trotsky && noteOn(trotsky.id, /January 1937/)).toBe(true)
    const visits = pack.sections.find((s) => s.id === 'state-visits')?.blocks ?? []
    expect(visits).toHaveLength(2)
    for (const block of visits) expect(noteOn(block.id, /empty/), block.id).toBe(true)
    expect(noteOn('list-resident-missions', /missing|nothing/)).toBe(true)
    expect(noteOn('list-see-also', /no list|empty/)).toBe(true)
    expect(noteOn('p-military-1', /citation needed/)).toBe(true)
    expect(noteOn('1922-ussr-formed', /union of several/)).toBe(true)
    expect(noteOn('1806-colonisation-plan', /Alaska was not/)).toBe(true)
    for (const block of pack.sections.flatMap((s) => s.blocks)) {
      if (block.kind !== 'figure' && block.citations.length > 0) {
        expect(noteOn(block.id, /reference list is missing/), block.id).toBe(true)
      }
    }
  })
})

describe('checkPackIntegrity', () => {
  it('reports a duplicated id', () => {
    const broken = structuredClone(pack)
    const second = broken.events[1]
    if (!second) throw new Error('pack has too few events')
    second.id = broken.events[0]?.id ?? ''
    expect(checkPackIntegrity(broken).join('\n')).toMatch(/duplicate id/)
  })

  it('reports a paragraphId that points nowhere', () => {
    const broken = structuredClone(pack)
    const card = broken.cards[0]
    if (!card) throw new Error('pack has no cards')
    card.paragraphId = 'p-nowhere'
    expect(checkPackIntegrity(broken).join('\n')).toMatch(/"p-nowhere"/)
  })

  it('reports a hand card that says no answer kind or gives no wrong options', () => {
    const broken = structuredClone(pack)
    const card = broken.cards[0]
    if (!card) throw new Error('pack has no cards')
    delete card.answerKind
    card.wrong = [card.answer, 'b', 'c']
    const problems = checkPackIntegrity(broken).join('\n')
    expect(problems).toMatch(/says no answerKind/)
    expect(problems).toMatch(/a wrong option is its answer/)
  })

  it('reports a group of entities that do not exist or are not of one kind', () => {
    const broken = structuredClone(pack)
    broken.groups = [
      { question: 'Q1?', entityIds: ['leon-trotsky', 'moscow'], paragraphId: 'p-trade-1' },
      { question: 'Q2?', entityIds: ['leon-trotsky', 'nobody'], paragraphId: 'p-trade-1' }
    ]
    const problems = checkPackIntegrity(broken).join('\n')
    expect(problems).toMatch(/group "Q1\?": its entities are of different kinds/)
    expect(problems).toMatch(/group "Q2\?": an entity does not exist/)
  })

  it('reports citations that do not match the markers', () => {
    const broken = structuredClone(pack)
    const block = findBlock(broken, 'p-trade-1')?.block
    if (block?.kind !== 'paragraph') throw new Error('p-trade-1 is not a paragraph')
    block.citations = [4, 6]
    block.citationNeeded = true
    const problems = checkPackIntegrity(broken)
    expect(problems).toHaveLength(2)
  })
})

describe('parsePack', () => {
  it('rejects a broken pack with the path of the problem', () => {
    const broken = structuredClone(raw) as { sections: { blocks: { id: string }[] }[] }
    const block = broken.sections[1]?.blocks[0]
    if (!block) throw new Error('pack has no history block')
    block.id = 'Not Kebab'
    const result = parsePack(broken)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problems).toContain('sections.1.blocks.0.id: ids are lower-case kebab-case')
    }
  })

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'http://infogalactic.com/info/X'
  ])('refuses a source or licence link that is not https: %s', (url) => {
    for (const place of ['source', 'licence'] as const) {
      const broken = structuredClone(raw) as { source: { url: string; licence: { url: string } } }
      if (place === 'source') broken.source.url = url
      else broken.source.licence.url = url
      const result = parsePack(broken)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.problems.join('\n')).toContain('links must be https URLs')
    }
  })

  it('gives what one parse of the whole pack gives: the same pack, or the same problems in order', () => {
    const whole = v.safeParse(PackSchema, raw)
    expect(whole.success).toBe(true)
    expect(parsePack(raw)).toEqual({ ok: true, pack: whole.output })

    // Problems before, among and after the events, so their order shows.
    type Loose = Record<string, unknown> & { events: Record<string, unknown>[] }
    const broken = structuredClone(raw) as Loose
    broken.packVersion = ''
    broken.events[1]!.date = { precision: 'week', year: 1900 }
    broken.events[3]!.themes = []
    broken.events.push({ id: 'Not Kebab' })
    broken.notes = 'none'
    const problems = v
      .safeParse(PackSchema, broken)
      .issues!.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`)
      .slice(0, 20)
    expect(problems.length).toBeGreaterThan(5)
    expect(parsePack(broken)).toEqual({ ok: false, problems })
    expect(parsePack({ ...broken, events: 'none' })).toMatchObject({ ok: false })
    expect(parsePack([])).toMatchObject({ ok: false })
  })
})
