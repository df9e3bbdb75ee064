/**
 * Full-text search over the article: MiniSearch finds the blocks (with prefix and, for longer
 * words, fuzzy matching), then the words it matched are placed in each block's text with the
 * same accent- and case-insensitive normalisation. Pure: no DOM.
 */
import MiniSearch from 'minisearch'
import type { Pack } from '$shared/pack-schema'
import { blockText } from './article'
import { findHits, foldedWords, queryWords, type Word } from '../search'
import { findWordMatches, normalize, tokenize, type Highlight } from './text'

/** One match in the article: a range of a block's text, numbered in reading order. */
export interface ArticleMatch extends Highlight {
  blockId: string
  /** Part of a match of all the words near each other (no phrase was found). */
  near?: boolean
}

interface Doc {
  id: string
  text: string
}

/** The shortest query that searches; one letter would match nearly every word. */
export const MIN_QUERY_LENGTH = 2

// Citation markers are not words of the text: searching "1" should not find "[1]".
const withoutMarkers = (text: string) => text.replace(/\[(\d+|citation needed)\]/g, ' ')

/**
 * The article's search engine. Its index is built on first use (the first query, or `prepare()`
 * in idle time after the article is drawn), so opening the reader never waits for it.
 */
export class ArticleSearch {
  readonly #pack: Pack
  #built:
    | {
        index: MiniSearch<Doc>
        order: string[]
        texts: Map<string, string>
        words: Map<string, Word[]>
      }
    | undefined

  constructor(pack: Pack) {
    this.#pack = pack
  }

  /** Whether the index has been built. */
  get ready(): boolean {
    return this.#built !== undefined
  }

  /** Builds the index now, if it is not built yet. */
  prepare = (): void => {
    this.#engine()
  }

  #engine() {
    if (this.#built) return this.#built
    const docs = this.#pack.sections.flatMap((section) =>
      section.blocks.map((block) => ({ id: block.id, text: blockText(block) }))
    )
    const texts = new Map<string, string>()
    const words = new Map<string, Word[]>()
    for (const d of docs) {
      texts.set(d.id, d.text)
      words.set(d.id, foldedWords(d.text))
    }
    const index = new MiniSearch<Doc>({
      fields: ['text'],
      tokenize: (text) => tokenize(withoutMarkers(text)),
      processTerm: (term) => normalize(term),
      searchOptions: {
        combineWith: 'AND',
        prefix: true,
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false)
      }
    })
    index.addAll(docs)
    this.#built = { index, order: docs.map((d) => d.id), texts, words }
    return this.#built
  }

  /**
   * Every match of a query, in reading order; empty for a query too short to search. Several
   * words match as a phrase (exact, then typed from their beginnings), else near each other.
   */
  search(query: string): ArticleMatch[] {
    if (normalize(query).trim().length < MIN_QUERY_LENGTH || tokenize(query).length === 0) return []
    const words = queryWords(query)
    if (words.length > 1) return this.#phrase(words)
    const { index, order, texts } = this.#engine()
    const terms = new Map<string, string[]>()
    for (const result of index.search(query)) terms.set(String(result.id), result.terms)
    const matches: ArticleMatch[] = []
    for (const id of order) {
      const found = terms.get(id)
      const text = texts.get(id)
      if (!found || text === undefined) continue
      for (const range of findWordMatches(text, found)) {
        matches.push({ ...range, blockId: id, index: matches.length })
      }
    }
    return matches
  }

  #phrase(query: string[]): ArticleMatch[] {
    const { order, words } = this.#engine()
    const found = order.map((id) => ({
      id,
      hits: findHits(words.get(id) ?? [], query)
    }))
    const best = Math.max(0, ...found.flatMap((f) => f.hits.map((h) => h.tier)))
    const matches: ArticleMatch[] = []
    let index = 0
    for (const { id, hits } of found) {
      for (const hit of hits) {
        if (hit.tier !== best) continue
        for (const range of hit.ranges) {
          matches.push({ ...range, blockId: id, index, ...(best === 1 ? { near: true } : {}) })
        }
        index++
      }
    }
    return matches
  }
}
