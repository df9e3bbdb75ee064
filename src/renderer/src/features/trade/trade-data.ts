/**
 * Prepares the pack's trade section for the Trade view: cards, flow rows, company groups,
 * equipment and the yearly series. Pure: no Svelte, no DOM, so the chart and its table are
 * both drawn from the same rows, and the tests check those rows directly.
 */
import type {
  Country,
  EditorialNote,
  Equipment,
  Pack,
  Trade,
  TradeFigure,
  TradeFlow
} from '$shared/pack-schema'

/** The country names the view uses for the pack's country codes. */
export const COUNTRY_NAMES: Record<Country, string> = {
  MX: 'Mexico',
  RU: 'Russia',
  other: 'Other countries'
}

/** Adjectives for "Russian companies operating in Mexico". */
const COUNTRY_ADJECTIVES: Record<Country, string> = {
  MX: 'Mexican',
  RU: 'Russian',
  other: 'Other'
}

/** What the view says where the source gives no year. */
export const NO_YEAR = 'year not stated'

/** What the view says where the source gives no value for a product. */
export const NO_VALUE = 'not given in the source'

/** The editorial notes attached to an id, in pack order. */
export function notesFor(pack: Pack, id: string): EditorialNote[] {
  return pack.notes.filter((note) => note.attachedTo.includes(id))
}

/**
 * Notes attached to a paragraph that correct words quoted from it: the note's `sourceSays`
 * appears in the quote. This ties a note to the item whose quote it concerns even when the
 * item has no id of its own (the flights).
 */
export function notesForQuote(pack: Pack, paragraphId: string, quote: string): EditorialNote[] {
  return notesFor(pack, paragraphId).filter(
    (note) => note.sourceSays !== undefined && quote.includes(note.sourceSays)
  )
}

/** One headline card: a figure with its year, unit, quote, citations and notes. */
export interface FigureCard {
  id: string
  label: string
  display: string
  /** "2014", or "year not stated". */
  yearText: string
  /** The unit in words ("US dollars", "rank", "visitors"). */
  unitText: string
  quote: string
  paragraphId: string
  citations: number[]
  notes: EditorialNote[]
}

const UNIT_WORDS: Record<string, string> = {
  US$: 'US dollars',
  rank: 'rank',
  visitors: 'visitors'
}

/** The unit as words a reader understands; unknown units are shown as the pack has them. */
export function unitText(unit: string): string {
  return UNIT_WORDS[unit] ?? unit
}

/** The card for one figure. */
export function figureCard(pack: Pack, figure: TradeFigure): FigureCard {
  return {
    id: figure.id,
    label: figure.label,
    display: figure.display,
    yearText: figure.year === undefined ? NO_YEAR : String(figure.year),
    unitText: unitText(figure.unit),
    quote: figure.quote,
    paragraphId: figure.paragraphId,
    citations: figure.citations,
    notes: notesFor(pack, figure.id)
  }
}

/** The flights card: the routes, as the source states them at an undated moment. */
export interface FlightsCard {
  routes: { from: string; to: string; label: string }[]
  quote: string
  paragraphId: string
  citations: number[]
  notes: EditorialNote[]
}

/** The flights card of a pack, or undefined when the pack lists no route. */
export function flightsCard(pack: Pack): FlightsCard | undefined {
  const { flights } = pack.trade
  if (flights.routes.length === 0) return undefined
  return {
    routes: flights.routes.map((r) => ({ ...r, label: `${r.from} → ${r.to}` })),
    quote: flights.quote,
    paragraphId: flights.paragraphId,
    citations: flights.citations,
    notes: notesForQuote(pack, flights.paragraphId, flights.quote)
  }
}

/** One product on one flow direction: one line of the diagram and one row of its table. */
export interface FlowRow {
  /** Unique within the diagram: direction and product. */
  key: string
  from: Country
  to: Country
  /** "Mexico → Russia". */
  direction: string
  product: string
  /** Always "not given in the source" for the article; kept as data so a richer pack can fill it. */
  value: string
  quote: string
  paragraphId: string
  citations: number[]
}

/** A direction of trade with its products, in the order the source lists them. */
export interface FlowGroup {
  key: string
  from: Country
  to: Country
  direction: string
  quote: string
  paragraphId: string
  citations: number[]
  rows: FlowRow[]
}

/** The flows as groups of rows; the diagram and the table are both drawn from these. */
export function flowGroups(flows: TradeFlow[]): FlowGroup[] {
  return flows.map((flow) => {
    const direction = `${COUNTRY_NAMES[flow.from]} → ${COUNTRY_NAMES[flow.to]}`
    const key = `${flow.from}-${flow.to}`
    return {
      key,
      from: flow.from,
      to: flow.to,
      direction,
      quote: flow.quote,
      paragraphId: flow.paragraphId,
      citations: flow.citations,
      rows: flow.products.map((product) => ({
        key: `${key}:${product}`,
        from: flow.from,
        to: flow.to,
        direction,
        product,
        value: NO_VALUE,
        quote: flow.quote,
        paragraphId: flow.paragraphId,
        citations: flow.citations
      }))
    }
  })
}

/** Every row of every group, in order. */
export function flowRows(groups: FlowGroup[]): FlowRow[] {
  return groups.flatMap((group) => group.rows)
}

/** Companies of one home country operating in another. */
export interface CompanyGroup {
  key: string
  /** "Russian companies operating in Mexico". */
  title: string
  home: Country
  operatesIn: Country
  companies: { entityId: string; name: string; paragraphId: string; citations: number[] }[]
}

/** Companies grouped by home country and host country, in the order the pack lists them. */
export function companyGroups(trade: Trade): CompanyGroup[] {
  const groups = new Map<string, CompanyGroup>()
  for (const c of trade.companies) {
    const key = `${c.home}-${c.operatesIn}`
    let group = groups.get(key)
    if (!group) {
      group = {
        key,
        title: `${COUNTRY_ADJECTIVES[c.home]} companies operating in ${COUNTRY_NAMES[c.operatesIn]}`,
        home: c.home,
        operatesIn: c.operatesIn,
        companies: []
      }
      groups.set(key, group)
    }
    group.companies.push({
      entityId: c.entityId,
      name: c.name,
      paragraphId: c.paragraphId,
      citations: c.citations
    })
  }
  return [...groups.values()]
}

/** The equipment list, with the notes shared by every item apart from each item's own notes. */
export interface EquipmentView {
  items: (Equipment & { notes: EditorialNote[] })[]
  /** Notes attached to every item: shown once under the list rather than repeated. */
  sharedNotes: EditorialNote[]
}

/** The equipment items with their notes; notes common to all items are lifted out once. */
export function equipmentView(pack: Pack): EquipmentView {
  const { equipment } = pack.trade
  const perItem = equipment.map((item) => notesFor(pack, item.id))
  const sharedIds = new Set(
    equipment.length === 0
      ? []
      : (perItem[0] ?? [])
          .filter((note) => perItem.every((notes) => notes.some((n) => n.id === note.id)))
          .map((note) => note.id)
  )
  return {
    items: equipment.map((item, i) => ({
      ...item,
      notes: (perItem[i] ?? []).filter((note) => !sharedIds.has(note.id))
    })),
    sharedNotes: (perItem[0] ?? []).filter((note) => sharedIds.has(note.id))
  }
}

/**
 * Notes about the trade paragraphs as a whole (the missing reference list, for example):
 * those attached to a paragraph the view quotes that no card, flow or item already shows.
 */
export function pageNotes(pack: Pack, shownNoteIds: Set<string>): EditorialNote[] {
  const { trade } = pack
  const paragraphs = new Set([
    ...trade.figures.map((f) => f.paragraphId),
    ...trade.flows.map((f) => f.paragraphId),
    ...trade.companies.map((c) => c.paragraphId),
    ...trade.equipment.map((q) => q.paragraphId),
    trade.flights.paragraphId
  ])
  return pack.notes.filter(
    (note) => !shownNoteIds.has(note.id) && note.attachedTo.some((id) => paragraphs.has(id))
  )
}

/** One year of the series, from Mexico's side, with the balance worked out. */
export interface SeriesPoint {
  year: number
  exports: number
  imports: number
  /** Exports minus imports: positive is a surplus for Mexico. */
  balance: number
}

/** The yearly series sorted by year, each year with its balance. */
export function seriesPoints(series: NonNullable<Trade['series']>): SeriesPoint[] {
  return [...series.years]
    .sort((a, b) => a.year - b.year)
    .map((y) => ({
      year: y.year,
      exports: y.exports,
      imports: y.imports,
      balance: y.exports - y.imports
    }))
}

/** A number with thousands separators and a true minus sign: "1,250", "−30". */
export function formatNumber(value: number): string {
  const digits = Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: 2 })
  return value < 0 ? `−${digits}` : digits
}

/** A series value with its currency and unit: "US$1,250 million", "−US$30 million". */
export function formatAmount(value: number, currency: string, unit: string): string {
  const sign = value < 0 ? '−' : ''
  return `${sign}${currency}${formatNumber(Math.abs(value))}${unit ? ` ${unit}` : ''}`
}
