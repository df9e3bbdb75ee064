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
