/**
 * Reader text, pure: accent- and case-insensitive normalisation, word matching for search
 * highlights, and the segmentation of a verbatim paragraph into text, links, citation markers,
 * "[citation needed]" flags and highlighted matches. No Svelte, no DOM.
 */
import { normalizeWithMap } from '../search'

/** Normalises one piece of text for matching: lower case, no diacritics, plain dashes and quotes. */
export function normalize(text: string): string {
  return normalizeWithMap(text).text
}

export { normalizeWithMap, type NormalizedText } from '../search'

/** The words of a text for indexing and matching: runs of letters, marks and digits. */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{M}\p{N}]+/u).filter((word) => word !== '')
}

/** Citation markers and "[citation needed]" flags: kept verbatim, never linked or highlighted. */
const MARKERS = /\[(\d+)\]|\[citation needed\]/g

/** A half-open range [start, end) of the original text. */
export interface Range {
  start: number
  end: number
}

function markerRanges(text: string): Range[] {
  return [...text.matchAll(MARKERS)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
}

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end

/**
 * The ranges of the original text whose words are among `terms` (normalised whole words),
 * outside citation markers. Matched words separated only by spaces join into one range,
 * so a name typed in full ("lazaro cardenas") is one match.
 */
export function findWordMatches(text: string, terms: Iterable<string>): Range[] {
  const wanted = new Set([...terms].map(normalize))
  if (wanted.size === 0) return []
  const markers = markerRanges(text)
  const { text: folded, source } = normalizeWithMap(text)
  const ranges: Range[] = []
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!wanted.has(m[0])) continue
    const range = { start: source[m.index] ?? 0, end: source[m.index + m[0].length] ?? text.length }
    if (markers.some((marker) => overlaps(marker, range))) continue
    const last = ranges.at(-1)
    if (last && /^[ \u00a0]+$/.test(text.slice(last.end, range.start))) last.end = range.end
    else ranges.push(range)
  }
  return ranges
}

/** Something a phrase of a paragraph links to: an event's date, a person's or place's name. */
export interface LinkTarget {
  kind: 'event' | 'entity'
  /** For an entity: person, place, organisation or company, told apart in the text. */
  entityKind?: string
  href: string
  /** What the link does, for its title and accessible description. */
  label: string
  /** The phrases that may stand for it in the text; the first occurrence of any is linked. */
  phrases: string[]
}

export interface Link extends Range {
  kind: LinkTarget['kind']
  entityKind?: string
  href: string
  label: string
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{M}\p{N}]/u.test(char)
}

function occurrences(text: string, phrase: string, caseless: boolean): Range[] {
  const haystack = caseless ? text.toLowerCase() : text
  const needle = caseless ? phrase.toLowerCase() : phrase
  const found: Range[] = []
  if (needle === '') return found
  let at = haystack.indexOf(needle)
  while (at !== -1) {
    const end = at + needle.length
    if (!isWordChar(text[at - 1]) && !isWordChar(text[end])) found.push({ start: at, end })
    at = haystack.indexOf(needle, at + 1)
  }
  return found
}

/**
 * Places each target's link on the first occurrence of one of its phrases that is still free
 * (not a citation marker, not already linked): targets earlier in the list choose first, so two
 * events both dated "In 1806" take the first and the second "In 1806". Exact case first,
 * then any case. Longer phrases win at the same position.
 */
export function findLinks(text: string, targets: LinkTarget[]): Link[] {
  const taken: Range[] = markerRanges(text)
  const links: Link[] = []
  for (const target of targets) {
    const phrases = [...target.phrases].sort((a, b) => b.length - a.length)
    let chosen: Range | undefined
    for (const caseless of [false, true]) {
      const free = phrases
        .flatMap((phrase) => occurrences(text, phrase, caseless))
        .filter((range) => !taken.some((t) => overlaps(t, range)))
        .sort((a, b) => a.start - b.start || b.end - a.end)
      chosen = free[0]
      if (chosen) break
    }
    if (!chosen) continue
    taken.push(chosen)
    links.push({
      ...chosen,
      kind: target.kind,
      href: target.href,
      label: target.label,
      ...(target.entityKind ? { entityKind: target.entityKind } : {})
    })
  }
  return links.sort((a, b) => a.start - b.start)
}

/** A highlighted search match; `index` counts matches across the whole article. */
export interface Highlight extends Range {
  index: number
}

/** A run of text, marked when it belongs to a search match. */
export interface Piece {
  text: string
  match?: number
}

export type Segment =
  | { kind: 'text'; pieces: Piece[] }
  | {
      kind: 'link'
      link: Link['kind']
      entityKind?: string
      href: string
      label: string
      pieces: Piece[]
    }
  | { kind: 'citation'; number: number; text: string }
  | { kind: 'flag'; text: string }

function pieces(text: string, range: Range, highlights: Highlight[]): Piece[] {
  const out: Piece[] = []
  let at = range.start
  for (const h of highlights) {
    if (h.end <= at || h.start >= range.end) continue
    const start = Math.max(h.start, at)
    const end = Math.min(h.end, range.end)
    if (start > at) out.push({ text: text.slice(at, start) })
    out.push({ text: text.slice(start, end), match: h.index })
    at = end
  }
  if (at < range.end) out.push({ text: text.slice(at, range.end) })
  return out
}

/**
 * Splits a verbatim text into segments for drawing: citation markers and flags apart, links on
 * their ranges, and search highlights cut into pieces wherever they fall (a match may span a
 * link's edge). Joining every segment's text gives back the input exactly.
 */
export function segmentText(
  text: string,
  links: Link[] = [],
  highlights: Highlight[] = []
): Segment[] {
  const marks = [...highlights].sort((a, b) => a.start - b.start)
  const segments: Segment[] = []
  const plain = (range: Range) => {
    if (range.end <= range.start) return
    const free = links.filter((l) => overlaps(l, range)).sort((a, b) => a.start - b.start)
    let at = range.start
    for (const link of free) {
      const start = Math.max(link.start, at)
      const end = Math.min(link.end, range.end)
      if (start > at)
        segments.push({ kind: 'text', pieces: pieces(text, { start: at, end: start }, marks) })
      segments.push({
        kind: 'link',
        link: link.kind,
        ...(link.entityKind ? { entityKind: link.entityKind } : {}),
        href: link.href,
        label: link.label,
        pieces: pieces(text, { start, end }, marks)
      })
      at = end
    }
    if (at < range.end)
      segments.push({ kind: 'text', pieces: pieces(text, { start: at, end: range.end }, marks) })
  }
  let at = 0
  for (const m of text.matchAll(MARKERS)) {
    plain({ start: at, end: m.index })
    segments.push(
      m[1] === undefined
        ? { kind: 'flag', text: m[0] }
        : { kind: 'citation', number: Number(m[1]), text: m[0] }
    )
    at = m.index + m[0].length
  }
  plain({ start: at, end: text.length })
  return segments
}

/** The text a list of segments stands for (the inverse of `segmentText`). */
export function segmentsText(segments: Segment[]): string {
  return segments
    .map((s) =>
      s.kind === 'text' || s.kind === 'link' ? s.pieces.map((p) => p.text).join('') : s.text
    )
    .join('')
}
