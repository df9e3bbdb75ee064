/**
 * The trade section as downloadable CSV and JSON, each carrying its source, its licence and the
 * editorial notes on its figures, so a file that leaves the app still says where its data comes
 * from and how to read it. Pure: the page only wraps the text in a Blob.
 */
import type { EditorialNote, Pack } from '$shared/pack-schema'
import {
  COUNTRY_NAMES,
  NO_VALUE,
  NO_YEAR,
  companyGroups,
  flowGroups,
  flowRows,
  notesFor,
  notesForQuote,
  pageNotes,
  seriesPoints
} from './trade-data'

export const CSV_FILE_NAME = 'mexico-russia-trade.csv'
export const JSON_FILE_NAME = 'mexico-russia-trade.json'
export const GENERATED_BY = 'Mexico–Russia Relations study app'

export const CSV_COLUMNS = [
  'category',
  'item',
  'value',
  'display',
  'unit',
  'year',
  'direction',
  'source_paragraph',
  'citations',
  'note',
  'editorial_notes',
  'source',
  'licence'
] as const

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or leading or
 * trailing spaces, with inner quotes doubled. A field that starts with =, +, - or @ is prefixed
 * with an apostrophe so a spreadsheet shows it as text instead of running it as a formula;
 * plain numbers such as -30 are left as they are.
 */
export function csvField(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value)
  const isNumber = /^[+-]?\d+(\.\d+)?$/.test(text)
  if (/^[=+\-@\t\r]/.test(text) && !isNumber) text = `'${text}`
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** Lines joined with CRLF, the line ending RFC 4180 and spreadsheets expect. */
export function csvLines(rows: (string | number | undefined)[][]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

const noteText = (notes: EditorialNote[]) => notes.map((n) => n.text).join(' ')
const cites = (citations: number[]) => citations.join(' ')

/** The source as one line: “Title”, Publisher, URL. */
export function sourceLine(pack: Pack): string {
  const { title, publisher, url } = pack.source
  return `“${title}”, ${publisher}, ${url}`
}

/** The licence as one line: name, URL. */
export function licenceLine(pack: Pack): string {
  const { name, url } = pack.source.licence
  return `${name}, ${url}`
}

/**
 * One row per figure, flow product, company, equipment item, flight route and series year.
 * Every row names its source and licence in its own columns, so the table is one clean block
 * (header, then data) and any rows copied out of it keep their attribution.
 */
export function tradeCsvRows(pack: Pack): CsvRow[] {
  const { trade } = pack
  const rows: CsvRow[] = []
  const source = sourceLine(pack)
  const licence = licenceLine(pack)
  const row = (fields: Partial<CsvRow>): CsvRow => ({
    category: '',
    item: '',
    value: '',
    display: '',
    unit: '',
    year: '',
    direction: '',
    source_paragraph: '',
    citations: '',
    note: '',
    editorial_notes: '',
    source,
    licence,
    ...fields
  })

  for (const f of trade.figures) {
    rows.push(
      row({
        category: 'figure',
        item: f.label,
        value: String(f.value),
        display: f.display,
        unit: f.unit,
        year: f.year === undefined ? '' : String(f.year),
        source_paragraph: f.paragraphId,
        citations: cites(f.citations),
        note: f.year === undefined ? `${NO_YEAR} in the source` : '',
        editorial_notes: noteText(notesFor(pack, f.id))
      })
    )
  }
  for (const r of flowRows(flowGroups(trade.flows))) {
    rows.push(
      row({
        category: 'product',
        item: r.product,
        direction: r.direction,
        source_paragraph: r.paragraphId,
        citations: cites(r.citations),
        note: `value ${NO_VALUE}`
      })
    )
  }
  for (const group of companyGroups(trade)) {
    for (const c of group.companies) {
      rows.push(
        row({
          category: 'company',
          item: c.name,
          direction: `${COUNTRY_NAMES[group.home]} → ${COUNTRY_NAMES[group.operatesIn]}`,
          source_paragraph: c.paragraphId,
          citations: cites(c.citations),
          note: group.title,
          editorial_notes: noteText(notesFor(pack, c.entityId))
        })
      )
    }
  }
  for (const q of trade.equipment) {
    rows.push(
      row({
        // No direction: the source says only that Mexico bought the equipment and the Mexican
        // Navy received it, not where it came from.
        category: 'military equipment',
        item: q.name,
        source_paragraph: q.paragraphId,
        citations: q.citationNeeded ? 'citation needed' : '',
        note: `${q.description}; received by ${q.receivedBy}; status: ${q.status}`,
        editorial_notes: noteText(notesFor(pack, q.id))
      })
    )
  }
  const { flights } = trade
  for (const route of flights.routes) {
    rows.push(
      row({
        category: 'direct flight',
        item: `${route.from} → ${route.to}`,
        source_paragraph: flights.paragraphId,
        citations: cites(flights.citations),
        note: NO_YEAR,
        editorial_notes: noteText(notesForQuote(pack, flights.paragraphId, flights.quote))
      })
    )
  }
  if (trade.series) {
    const { currency, unit } = trade.series
    for (const p of seriesPoints(trade.series)) {
      for (const [key, value] of [
        ['exports', p.exports],
        ['imports', p.imports],
        ['balance', p.balance]
      ] as const) {
        rows.push(
          row({
            category: `series ${key}`,
            item: `Mexico ${key === 'balance' ? 'trade balance (exports − imports)' : `${key}`}`,
            value: String(value),
            unit: `${currency} ${unit}`.trim(),
            year: String(p.year),
            direction:
              key === 'imports' ? 'Russia → Mexico' : key === 'exports' ? 'Mexico → Russia' : '',
            // The series comes from its own source, not from the article.
            source: trade.series.source
          })
        )
      }
    }
  }
  return rows
}

/** The whole CSV: the header, then one line per row; no comment or title lines. */
export function tradeCsv(pack: Pack): string {
  return csvLines([
    [...CSV_COLUMNS],
    ...tradeCsvRows(pack).map((r) => CSV_COLUMNS.map((c) => r[c]))
  ])
}

const ids = (notes: EditorialNote[]) => notes.map((n) => n.id)

/**
 * The trade section as JSON, wrapped with its source and licence. Each figure, flow, company,
 * equipment item and the flights carry `notes`, the ids of the editorial notes that concern
 * them (the same notes the page shows beside them); `editorialNotes` holds those notes and the
 * notes on the trade paragraphs as a whole, each with what it is `attachedTo`.
 */
export function tradeJson(pack: Pack): string {
  const { title, publisher, url, licence } = pack.source
  const { trade } = pack
  const figures = trade.figures.map((f) => ({ ...f, notes: ids(notesFor(pack, f.id)) }))
  const flows = trade.flows.map((f) => ({
    ...f,
    notes: ids(notesForQuote(pack, f.paragraphId, f.quote))
  }))
  const companies = trade.companies.map((c) => ({ ...c, notes: ids(notesFor(pack, c.entityId)) }))
  const equipment = trade.equipment.map((q) => ({ ...q, notes: ids(notesFor(pack, q.id)) }))
  const flights = {
    ...trade.flights,
    notes: ids(notesForQuote(pack, trade.flights.paragraphId, trade.flights.quote))
  }
  const itemNoteIds = new Set(
    [...figures, ...flows, ...companies, ...equipment, flights].flatMap((item) => item.notes)
  )
  const wanted = new Set([...itemNoteIds, ...ids(pageNotes(pack, itemNoteIds))])
  const editorialNotes = pack.notes.filter((note) => wanted.has(note.id))
  return (
    JSON.stringify(
      {
        source: { title, publisher, url, licence },
        generatedBy: `${GENERATED_BY}, content pack ${pack.packVersion}`,
        editorialNotes,
        trade: { ...trade, figures, flows, companies, equipment, flights }
      },
      null,
      2
    ) + '\n'
  )
}
