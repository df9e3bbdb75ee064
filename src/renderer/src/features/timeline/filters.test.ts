import { describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import type { Pack } from '$shared/pack-schema'
import { notesForEvent } from './event-notes'
import {
  NO_FILTERS,
  facetCounts,
  filtersFromQuery,
  filtersToQuery,
  makeMatcher,
  namedEntities,
  type TimelineFilters
} from './filters'

const pack = realPack()

/** The events that pass all the filters, as the timeline page picks them. */
const filterEvents = (pack: Pack, filters: TimelineFilters) => {
  const match = makeMatcher(pack)
  return pack.events.filter((e) => match(e, filters))
}

describe('filters in the URL', () => {
  it('round-trip through the query, dropping empty and unknown values', () => {
    const query = new URLSearchParams(
      'theme=space&era=soviet-union&entity=leon-trotsky&q=treaty&view=list'
    )
    const { filters, view } = filtersFromQuery(query)
    expect(filters).toEqual({
      theme: 'space',
      era: 'soviet-union',
      entity: 'leon-trotsky',
      q: 'treaty'
    })
    expect(view).toBe('list')
    expect(filtersToQuery(filters, view).toString()).toBe(query.toString())
    expect(filtersFromQuery(new URLSearchParams('theme=nonsense')).filters.theme).toBe('')
    expect(filtersToQuery(NO_FILTERS, 'axis').toString()).toBe('')
  })
})

describe('filtering events', () => {
  it('by theme keeps only events of that theme', () => {
    const space = filterEvents(pack, { ...NO_FILTERS, theme: 'space' })
    expect(space.length).toBeGreaterThan(0)
    expect(space.every((e) => e.themes.includes('space'))).toBe(true)
    expect(space.length).toBe(pack.events.filter((e) => e.themes.includes('space')).length)
  })

  it('by person, era and text, combined', () => {
    const trotsky = filterEvents(pack, { ...NO_FILTERS, entity: 'leon-trotsky' })
    expect(trotsky.map((e) => e.id)).toEqual(['1936-trotsky-exile', '1940-trotsky-assassinated'])
    const treaty = filterEvents(pack, { ...NO_FILTERS, q: 'treaty' })
    expect(treaty.map((e) => e.id)).toContain('1978-lopez-portillo-tlatelolco')
    // Accents and case do not matter; names of the people are searched too.
    expect(filterEvents(pack, { ...NO_FILTERS, q: 'LAZARO cardenas' }).map((e) => e.id)).toContain(
      '1936-trotsky-exile'
    )
    expect(filterEvents(pack, { ...NO_FILTERS, era: 'soviet-union', q: 'trotsky' })).toHaveLength(2)
    expect(filterEvents(pack, { ...NO_FILTERS, era: 'early-contact', q: 'trotsky' })).toHaveLength(
      0
    )
  })

  it('counts each choice together with the other filters', () => {
    const counts = facetCounts(pack, { ...NO_FILTERS, era: 'soviet-union' })
    const sovietDiplomacy = pack.events.filter(
      (e) => e.era === 'soviet-union' && e.themes.includes('diplomacy')
    ).length
    expect(counts.theme.get('diplomacy')).toBe(sovietDiplomacy)
    // The era's own counts ignore the era filter, so other eras can still be chosen.
    expect(counts.era.get('early-contact')).toBe(
      pack.events.filter((e) => e.era === 'early-contact').length
    )
    expect(counts.entity.get('leon-trotsky')).toBe(2)
  })

  it('gives each choice the number of events the timeline then shows, with every filter set', () => {
    const filters: TimelineFilters = {
      theme: 'diplomacy',
      era: 'soviet-union',
      entity: 'leon-trotsky',
      q: 'mexico'
    }
    const counts = facetCounts(pack, filters)
    // Choosing a value replaces that filter: its count is the length of the list it would show.
    const shown = (next: Partial<TimelineFilters>) =>
      filterEvents(pack, { ...filters, ...next }).length
    const themes = new Set(pack.events.flatMap((e) => e.themes))
    const eras = new Set(pack.events.map((e) => e.era))
    const entities = new Set(pack.events.flatMap((e) => e.entityIds))
    for (const theme of themes) expect(counts.theme.get(theme) ?? 0).toBe(shown({ theme }))
    for (const era of eras) expect(counts.era.get(era) ?? 0).toBe(shown({ era }))
    for (const entity of entities) expect(counts.entity.get(entity) ?? 0).toBe(shown({ entity }))
    expect([...counts.era.values()].some((n) => n > 0)).toBe(true)
  })

  it("offers as entity choices only the entities some event names, in the pack's order", () => {
    const named = namedEntities(pack).map((e) => e.id)
    expect(named).toEqual(
      pack.entities
        .filter((entity) => pack.events.some((e) => e.entityIds.includes(entity.id)))
        .map((e) => e.id)
    )
    expect(named.length).toBeGreaterThan(0)
    expect(named.length).toBeLessThan(pack.entities.length)
  })
})

describe('editorial notes of an event', () => {
  it('separates notes on the event from notes on its paragraph', () => {
    const event = pack.events.find((e) => e.id === '1978-lopez-portillo-tlatelolco')
    if (!event) throw new Error('missing event')
    const { onEvent, onParagraph } = notesForEvent(pack, event)
    expect(onEvent.map((n) => n.id)).toContain('note-tlatelolco-1978')
    expect(onParagraph.every((n) => !n.attachedTo.includes(event.id))).toBe(true)
  })
})
