/**
 * Full-text search over the article: MiniSearch finds the blocks (with prefix and, for longer
 * words, fuzzy matching), then the words it matched are placed in each block's text with the
 * same accent- and case-insensitive normalisation. Pure: no DOM.
 */
import MiniSearch from 'minisearch'
import type { Pack } from '$shared/pack-schema'
import { blockText } from './article'
import { findWordMatches, normalize, tokenize, type Highlight } from './text'

/** One match in the article: a range of a block's text, numbered in reading order. */
export interface ArticleMatch extends Highlight {
  blockId: string
}

interface Doc {
  id: string
  text: string
}

/** The shortest query that searches; one letter would match nearly every word. */
export const MIN_QUERY_LENGTH = 2

// Citation markers are not words of the text: searching "1" should not find "[1]".
const withoutMarkers = (text: string) => text.replace(/\[(\d+|citation needed)\]/g, ' ')

export class ArticleSearch {
  #index: MiniSearch<Doc>
  #order: string[]
  #texts = new Map<string, string>()

  constructor(pack: Pack) {
    const docs = pack.sections.flatMap((section) =>
      section.blocks.map((block) => ({ id: block.id, text: blockText(block) }))
    )
    this.#order = docs.map((d) => d.id)
    for (const d of docs) this.#texts.set(d.id, d.text)
    this.#index = new MiniSearch<Doc>({
      fields: ['text'],
      tokenize: (text) => tokenize(withoutMarkers(text)),
      processTerm: (term) => normalize(term),
      searchOptions: {
        combineWith: 'AND',
        prefix: true,
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false)
      }
    })
    this.#index.addAll(docs)
  }

  /** Every match of a query, in reading order; empty for a query too short to search. */
  search(query: string): ArticleMatch[] {
    if (normalize(query).trim().length < MIN_QUERY_LENGTH || tokenize(query).length === 0) return []
    const terms = new Map<string, string[]>()
    for (const result of this.#index.search(query)) terms.set(String(result.id), result.terms)
    const matches: ArticleMatch[] = []
    for (const id of this.#order) {
      const found = terms.get(id)
      const text = this.#texts.get(id)
      if (!found || text === undefined) continue
      for (const range of findWordMatches(text, found)) {
        matches.push({ ...range, blockId: id, index: matches.length })
      }
    }
    return matches
  }
}
