import { describe, expect, it } from 'vitest'
import {
  companyGroups,
  equipmentView,
  figureCard,
  flightsCard,
  flowGroups,
  flowRows,
  formatAmount,
  formatNumber,
  notesFor,
  pageNotes,
  seriesPoints
} from './trade-data'
import { packWithSeries, realPack } from './test-pack'

const pack = realPack()
const figure = (id: string) => {
  const f = pack.trade.figures.find((x) => x.id === id)
  if (!f) throw new Error(`no figure ${id}`)
  return f
}

describe('figure cards', () => {
  it('show the trade total with its year, unit, quote and the misprint note', () => {
    const card = figureCard(pack, figure('trade-total-2014'))
    expect(card).toMatchObject({
      display: 'US$1.784 billion',
      yearText: '2014',
      unitText: 'US dollars',
      paragraphId: 'p-trade-1',
      citations: [6]
    })
    expect(card.quote).toContain('$1,784 billion USD')
    expect(card.notes.map((n) => n.id)).toEqual(['note-trade-total-billion'])
  })

  it('say "year not stated" where the source gives no year', () => {
    const card = figureCard(pack, figure('trade-partner-rank'))
    expect(card.display).toBe('3rd')
    expect(card.yearText).toBe('year not stated')
    expect(card.unitText).toBe('rank')
  })

  it('carry only the notes attached to the figure, not every note on its paragraph', () => {
    expect(notesFor(pack, 'p-trade-1').length).toBeGreaterThan(1)
    expect(figureCard(pack, figure('trade-partner-rank')).notes).toEqual([])
  })

  it('give the flights card its routes and the note on the garbled wording', () => {
    const card = flightsCard(pack)
    expect(card?.routes.map((r) => r.label)).toEqual(['Mexico City → Moscow', 'Cancún → Moscow'])
    expect(card?.notes.map((n) => n.id)).toEqual(['note-flights-wording'])
  })
})

describe('flows', () => {
  it('make one row per product, in source order, with no value', () => {
    const rows = flowRows(flowGroups(pack.trade.flows))
    expect(rows.map((r) => [r.direction, r.product])).toEqual([
      ['Mexico → Russia', 'tequila'],
      ['Mexico → Russia', 'beer'],
      ['Mexico → Russia', 'beef'],
      ['Mexico → Russia', 'automobiles'],
      ['Russia → Mexico', 'chemical-based products'],
      ['Russia → Mexico', 'metals'],
      ['Russia → Mexico', 'helicopters'],
      ['Russia → Mexico', 'ammunition']
    ])
    expect(new Set(rows.map((r) => r.value))).toEqual(new Set(['not given in the source']))
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length)
  })
})

describe('companies', () => {
  it('are grouped by home country with their citations', () => {
    const groups = companyGroups(pack.trade)
    expect(groups.map((g) => [g.title, g.companies.length])).toEqual([
      ['Russian companies operating in Mexico', 1],
      ['Mexican companies operating in Russia', 8]
    ])
    expect(groups[1]?.companies.find((c) => c.name === 'Gruma')?.citations).toEqual([7, 4])
  })
})

describe('equipment', () => {
  it('lifts the notes every item shares out once, and keeps the citation-needed flag', () => {
    const view = equipmentView(pack)
    expect(view.items.map((q) => q.name)).toEqual([
      'BTR-60',
      'Ural-4320',
      'Mi-17/Mi-8',
      '9K38 Igla'
    ])
    expect(view.items.every((q) => q.citationNeeded && q.notes.length === 0)).toBe(true)
    expect(view.sharedNotes.map((n) => n.id).sort()).toEqual([
      'note-military-list',
      'note-military-unsourced'
    ])
  })

  it('keeps a note on its own item when only that item has it', () => {
    const withOwn = {
      ...pack,
      notes: [
        ...pack.notes,
        { id: 'note-only-igla', attachedTo: ['9k38-igla'], text: 'Only this one.' }
      ]
    }
    const view = equipmentView(withOwn)
    expect(view.items.find((q) => q.id === '9k38-igla')?.notes.map((n) => n.id)).toEqual([
      'note-only-igla'
    ])
    expect(view.items.find((q) => q.id === 'btr-60')?.notes).toEqual([])
  })
})

describe('page notes', () => {
  it('hold the notes on the quoted paragraphs that no item shows', () => {
    const shown = new Set([
      'note-trade-total-billion',
      'note-flights-wording',
      'note-military-list',
      'note-military-unsourced'
    ])
    expect(pageNotes(pack, shown).map((n) => n.id)).toEqual(['note-references-missing'])
  })
})

describe('series', () => {
  it('is sorted by year and each year gets its balance', () => {
    const series = packWithSeries().trade.series
    if (!series) throw new Error('no series')
    expect(seriesPoints(series)).toEqual([
      { year: 2012, exports: 610, imports: 980, balance: -370 },
      { year: 2013, exports: 700, imports: 1100, balance: -400 },
      { year: 2014, exports: 1200, imports: 1000, balance: 200 }
    ])
  })

  it('formats amounts with currency, unit and a true minus sign', () => {
    expect(formatAmount(1250, 'US$', 'million')).toBe('US$1,250 million')
    expect(formatAmount(-30.5, 'US$', 'million')).toBe('−US$30.5 million')
    expect(formatAmount(7, '€', '')).toBe('€7')
    expect(formatNumber(-1500)).toBe('−1,500')
  })
})
