/**
 * The app-wide search: one index over the article's paragraphs, the events, the people, places
 * and organisations, and the cards; results ranked (phrase before near words, a name before a
 * mention) and grouped by kind, each with the place it opens. Pure: no DOM.
 */
import type { StudyContent } from '../../domain/content'
import { findHits, foldedWords, queryWords, type Hit, type Word } from './match'

/** The kinds of result, in the order the result list shows them. */
export const RESULT_KINDS = ['entity', 'event', 'article', 'card'] as const
export type ResultKind = (typeof RESULT_KINDS)[number]

/** What each group of results is called. */
export const KIND_LABELS: Record<ResultKind, string> = {
  entity: 'People, places and organisations',
  event: 'Events',
  article: 'In the article',
  card: 'Cards'
}

interface Doc {
  kind: ResultKind
  id: string
  title: string
  /** Text shown under the title, around the match. */
  text: string
  href: string
  titleWords: Word[]
  textWords: Word[]
}

/** A piece of the result's text: the words that matched are marked. */
export interface SnippetPiece {
  text: string
  hit: boolean
}

export interface SearchResult {
  kind: ResultKind
  id: string
  title: string
  href: string
  snippet: SnippetPiece[]
  score: number
}

/** Results of each kind, best first, and how many there were before the cut. */
export interface ResultGroup {
  kind: ResultKind
  label: string
  results: SearchResult[]
  total: number
}

const SNIPPET_CHARS = 70

/**
 * Builds the index once for the content, on first use (the search box opening, or the first
 * query), so the app's first view never waits for it; `search` then runs on every key press.
 */
export class SearchIndex {
  readonly #content: StudyContent
  #built: Doc[] | undefined

  constructor(content: StudyContent) {
    this.#content = content
  }

  /** Whether the index has been built. */
  get ready(): boolean {
    return this.#built !== undefined
  }

  /** Builds the index now, if it is not built yet. */
  prepare = (): void => {
    this.#docs()
  }

  #docs(): Doc[] {
    if (this.#built) return this.#built
    const content = this.#content
    const { pack } = content
    const docs: Omit<Doc, 'titleWords' | 'textWords'>[] = []
    const sectionTitle = new Map(pack.sections.flatMap((s) => s.blocks.map((b) => [b.id, s.title])))
    for (const entity of pack.entities) {
      docs.push({
        kind: 'entity',
        id: entity.id,
        title: entity.name,
        text: [entity.role, ...(entity.aliases ?? [])].join(' · '),
        href: `#/entity/${encodeURIComponent(entity.id)}`
      })
    }
    for (const event of pack.events) {
      docs.push({
        kind: 'event',
        id: event.id,
        title: `${event.title}`,
        text: `${event.dateText}: ${event.summary}`,
        href: `#/timeline/${encodeURIComponent(event.id)}`
      })
    }
    for (const section of pack.sections) {
      for (const block of section.blocks) {
        docs.push({
          kind: 'article',
          id: block.id,
          title: sectionTitle.get(block.id) ?? section.title,
          text: block.kind === 'figure' ? block.caption : block.text,
          href: `#/reader/${encodeURIComponent(block.id)}`
        })
      }
    }
    for (const card of content.cards) {
      docs.push({
        kind: 'card',
        id: card.id,
        title: card.question,
        text: card.answer,
        href: `#/study?card=${encodeURIComponent(card.id)}`
      })
    }
    this.#built = docs.map((d) => ({
      ...d,
      titleWords: foldedWords(d.title),
      textWords: foldedWords(d.text)
    }))
    return this.#built
  }

  /** The results of a query, grouped by kind, at most `perKind` of each; none for a blank query. */
  search(query: string, perKind = 5): ResultGroup[] {
    const words = queryWords(query)
    if (words.length === 0 || words.join('').length < 2) return []
    const byKind = new Map<ResultKind, SearchResult[]>()
    for (const doc of this.#docs()) {
      const inTitle = findHits(doc.titleWords, words)
      const inText = findHits(doc.textWords, words)
      if (!inTitle.length && !inText.length) continue
      const score = rank(inTitle, 2) + rank(inText, 1)
      const list = byKind.get(doc.kind) ?? []
      list.push({
        kind: doc.kind,
        id: doc.id,
        title: doc.title,
        href: doc.href,
        snippet: snippet(doc.text, inText[0]),
        score
      })
      byKind.set(doc.kind, list)
    }
    return RESULT_KINDS.flatMap((kind) => {
      const list = byKind.get(kind)
      if (!list) return []
      // Stable: equal scores keep the order of the content (reading order, timeline order).
      list.sort((a, b) => b.score - a.score)
      return [
        { kind, label: KIND_LABELS[kind], results: list.slice(0, perKind), total: list.length }
      ]
    })
  }
}

/** A hit's tier counts most; more hits of it count a little; a title hit weighs double. */
function rank(hits: Hit[], weight: number): number {
  if (!hits.length) return 0
  const tier = Math.max(...hits.map((h) => h.tier))
  return weight * (tier * 100 + Math.min(hits.length, 9))
}

/** The text around the first hit, its words marked; the text's start when the hit is elsewhere. */
export function snippet(text: string, hit: Hit | undefined): SnippetPiece[] {
  if (!hit)
    return [
      {
        text: text.length > 2 * SNIPPET_CHARS ? `${text.slice(0, 2 * SNIPPET_CHARS)}…` : text,
        hit: false
      }
    ]
  const first = hit.ranges[0]?.start ?? 0
  const last = hit.ranges.at(-1)?.end ?? first
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, first - SNIPPET_CHARS)) + 1)
  const cut = text.indexOf(' ', Math.min(text.length, last + SNIPPET_CHARS))
  const to = cut === -1 ? text.length : cut
  const pieces: SnippetPiece[] = []
  let at = from
  for (const range of hit.ranges) {
    if (range.start > at) pieces.push({ text: text.slice(at, range.start), hit: false })
    pieces.push({ text: text.slice(range.start, range.end), hit: true })
    at = range.end
  }
  if (to > at) pieces.push({ text: text.slice(at, to), hit: false })
  if (from > 0) pieces.unshift({ text: '…', hit: false })
  if (to < text.length) pieces.push({ text: '…', hit: false })
  return pieces
}
