import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, csvField, csvLines, tradeCsv, tradeCsvRows, tradeJson } from './trade-export'
import { packWithSeries, realPack } from './test-pack'

const pack = realPack()

/** A small RFC 4180 reader, so the tests check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  return rows
}

describe('CSV escaping', () => {
  it('leaves plain fields alone and quotes commas, quotes and line breaks', () => {
    expect(csvField('tequila')).toBe('tequila')
    expect(csvField('a, b')).toBe('"a, b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(' padded')).toBe('" padded"')
    expect(csvField(undefined)).toBe('')
    expect(csvField(42)).toBe('42')
  })

  it('neutralises text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)")
    expect(csvField('@cmd')).toBe("'@cmd")
    expect(csvField('-30')).toBe('-30')
    expect(csvField(-30)).toBe('-30')
  })

  it('round-trips awkward fields through a CSV reader', () => {
    const awkward = ['a,b', 'x "y" z', 'line\r\nbreak', '', 'Cancún → Moscow']
    expect(parseCsv(csvLines([awkward, ['1', '2']]))).toEqual([awkward, ['1', '2']])
  })
})

describe('trade CSV', () => {
  const rows = parseCsv(tradeCsv(pack))
  const data = rows.slice(1)
  const SOURCE =
    '“Mexico–Russia relations”, Infogalactic, https://infogalactic.com/info/Mexico%E2%80%93Russia_relations'
  const LICENCE = 'CC BY-SA 3.0, https://creativecommons.org/licenses/by-sa/3.0/'
  const byItem = (item: string) => {
    const row = data.find((r) => r[1] === item)
    if (!row) throw new Error(`no row ${item}`)
    return Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, row[i]]))
  }

  it('is a clean table: the header first, then data rows of the same width', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    expect(data.length).toBeGreaterThan(0)
    expect(data.every((r) => r.length === CSV_COLUMNS.length)).toBe(true)
    // No comment or title lines a spreadsheet would take for data.
    expect(rows.some((r) => r[0]?.startsWith('#'))).toBe(false)
  })

  it('names the source and the licence in every row', () => {
    expect(data.every((r) => r[CSV_COLUMNS.indexOf('source')] === SOURCE)).toBe(true)
    expect(data.every((r) => r[CSV_COLUMNS.indexOf('licence')] === LICENCE)).toBe(true)
  })

  it('has one row per figure, product, company, equipment item and flight route', () => {
    const categories = data.map((r) => r[0])
    const count = (c: string) => categories.filter((x) => x === c).length
    expect(count('figure')).toBe(3)
    expect(count('product')).toBe(8)
    expect(count('company')).toBe(9)
    expect(count('military equipment')).toBe(4)
    expect(count('direct flight')).toBe(2)
    expect(data).toHaveLength(26)
  })

  it('fills the columns of a figure, a product and an equipment item', () => {
    expect(byItem('Two-way trade between Mexico and Russia')).toMatchObject({
      value: '1784000000',
      display: 'US$1.784 billion',
      unit: 'US$',
      year: '2014',
      source_paragraph: 'p-trade-1',
      citations: '6'
    })
    expect(byItem('Two-way trade between Mexico and Russia').editorial_notes).toContain(
      'decimal separator'
    )
    expect(byItem("Mexico's rank among Russia's trading partners in Latin America")).toMatchObject({
      year: '',
      note: 'year not stated in the source'
    })
    expect(byItem('tequila')).toMatchObject({
      category: 'product',
      value: '',
      direction: 'Mexico → Russia',
      note: 'value not given in the source'
    })
    expect(byItem('BTR-60')).toMatchObject({
      citations: 'citation needed',
      note: 'Armoured personnel carrier; received by Mexican Navy; status: Still in service (as stated, unsourced)'
    })
    expect(byItem('Gruma').citations).toBe('7 4')
  })

  it('gives the equipment no direction, since the source states none', () => {
    const equipment = data.filter((r) => r[0] === 'military equipment')
    expect(equipment.map((r) => r[1])).toEqual(['BTR-60', 'Ural-4320', 'Mi-17/Mi-8', '9K38 Igla'])
    for (const r of equipment) expect(r[CSV_COLUMNS.indexOf('direction')]).toBe('')
  })

  it('adds exports, imports and balance rows for each year of a series, with its own source', () => {
    const seriesRows = tradeCsvRows(packWithSeries()).filter((r) => r.category.startsWith('series'))
    expect(seriesRows).toHaveLength(9)
    expect(
      seriesRows.find((r) => r.category === 'series balance' && r.year === '2013')
    ).toMatchObject({
      value: '-400',
      unit: 'US$ million',
      source: 'SYNTHETIC TEST DATA, not real figures',
      licence: LICENCE
    })
  })
})

interface ExportedNote {
  id: string
  attachedTo: string[]
  sourceSays?: string
  text: string
}
interface Exported {
  source: unknown
  generatedBy: string
  editorialNotes: ExportedNote[]
  trade: {
    figures: { id: string; notes: string[] }[]
    flows: { notes: string[] }[]
    companies: { entityId: string; notes: string[] }[]
    equipment: { id: string; notes: string[] }[]
    flights: { notes: string[] }
  }
}

describe('trade JSON', () => {
  const data = JSON.parse(tradeJson(pack)) as Exported
  const noteIds = data.editorialNotes.map((n) => n.id)

  it('wraps the trade section with its source, licence and editorial notes', () => {
    expect(Object.keys(data)).toEqual(['source', 'generatedBy', 'editorialNotes', 'trade'])
    expect(data.source).toEqual({
      title: 'Mexico–Russia relations',
      publisher: 'Infogalactic',
      url: pack.source.url,
      licence: { name: 'CC BY-SA 3.0', url: 'https://creativecommons.org/licenses/by-sa/3.0/' }
    })
    expect(data.generatedBy).toContain(pack.packVersion)
  })

  it('keeps the trade data as the pack has it, each item adding only its notes', () => {
    const strip = <T extends { notes: string[] }>({ notes, ...rest }: T) => {
      expect(Array.isArray(notes)).toBe(true)
      return rest
    }
    expect({
      ...data.trade,
      figures: data.trade.figures.map(strip),
      flows: data.trade.flows.map(strip),
      companies: data.trade.companies.map(strip),
      equipment: data.trade.equipment.map(strip),
      flights: strip(data.trade.flights)
    }).toEqual(pack.trade)
  })

  it('carries the note that "$1,784 billion USD" means US$1.784 billion, on the total', () => {
    const total = data.trade.figures.find((f) => f.id === 'trade-total-2014')
    expect(total?.notes).toEqual(['note-trade-total-billion'])
    const note = data.editorialNotes.find((n) => n.id === 'note-trade-total-billion')
    expect(note?.sourceSays).toBe('$1,784 billion USD')
    expect(note?.text).toContain('US$1.784 billion')
    expect(note?.attachedTo).toContain('trade-total-2014')
  })

  it('attaches the notes on equipment and flights, and the notes on the paragraphs', () => {
    for (const item of data.trade.equipment) {
      expect(item.notes).toEqual(['note-military-unsourced', 'note-military-list'])
    }
    expect(data.trade.flights.notes).toEqual(['note-flights-wording'])
    expect(data.trade.flows.every((f) => f.notes.length === 0)).toBe(true)
    // The missing reference list concerns every citation of the trade paragraph.
    const references = data.editorialNotes.find((n) => n.id === 'note-references-missing')
    expect(references?.attachedTo).toContain('p-trade-1')
  })

  it('lists each note once, and every id an item names is in the list', () => {
    expect(new Set(noteIds).size).toBe(noteIds.length)
    const named = [
      ...data.trade.figures,
      ...data.trade.flows,
      ...data.trade.companies,
      ...data.trade.equipment,
      data.trade.flights
    ].flatMap((item) => item.notes)
    for (const id of named) expect(noteIds).toContain(id)
    for (const note of data.editorialNotes) {
      expect(note).toEqual(pack.notes.find((n) => n.id === note.id))
    }
  })
})
