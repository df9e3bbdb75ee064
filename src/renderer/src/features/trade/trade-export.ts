/**
 * The trade section as downloadable CSV and JSON, each carrying its source and licence, so a
 * file that leaves the app still says where its data comes from. Pure: the page only wraps the
 * text in a Blob.
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
  'editorial_notes'
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

/** One row per figure, flow product, company, equipment item, flight route and series year. */
export function tradeCsvRows(pack: Pack): CsvRow[] {
  const { trade } = pack
  const rows: CsvRow[] = []
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
        category: 'military equipment',
        item: q.name,
        direction: 'Russia → Mexico',
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
    const { currency, unit, source } = trade.series
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
            note: `series source: ${source}`
          })
        )
      }
    }
  }
  return rows
}

/** The whole CSV: source and licence lines first, then the header and one line per row. */
export function tradeCsv(pack: Pack): string {
  const { source } = pack
  const header: string[][] = [
    [`# Source: “${source.title}”, ${source.publisher}, ${source.url}`],
    [`# Licence: ${source.licence.name}, ${source.licence.url}`],
    [`# Generated by: ${GENERATED_BY}, content pack ${pack.packVersion}`],
    [...CSV_COLUMNS]
  ]
  return csvLines([...header, ...tradeCsvRows(pack).map((r) => CSV_COLUMNS.map((c) => r[c]))])
}

/** The trade section as JSON, wrapped with its source and licence. */
export function tradeJson(pack: Pack): string {
  const { title, publisher, url, licence } = pack.source
  return (
    JSON.stringify(
      {
        source: { title, publisher, url, licence },
        generatedBy: `${GENERATED_BY}, content pack ${pack.packVersion}`,
        trade: pack.trade
      },
      null,
      2
    ) + '\n'
  )
}
