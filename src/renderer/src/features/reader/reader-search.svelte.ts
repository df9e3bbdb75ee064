/**
 * What the reader's find bar holds: the query, its matches in reading order, the current one,
 * and stepping through them. The page says how to show a match (it owns the DOM).
 */
import { ArticleSearch, MIN_QUERY_LENGTH, type ArticleMatch } from './search'

export class ReaderSearch {
  query = $state('')
  current = $state(0)
  readonly #engine: ArticleSearch
  readonly #reveal: (index: number) => void

  /** Every match of the query, in reading order. */
  readonly matches: ArticleMatch[] = $derived.by(() => this.#engine.search(this.query))
  /** The matches of each block, so a block redraws only its own highlights. */
  readonly byBlock: ReadonlyMap<string, ArticleMatch[]> = $derived.by(() => {
    // Built afresh for each query and never mutated after: no reactive Map is needed.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const map = new Map<string, ArticleMatch[]>()
    for (const match of this.matches) {
      const list = map.get(match.blockId) ?? []
      list.push(match)
      map.set(match.blockId, list)
    }
    return map
  })
  /** How many matches (a near match has several highlighted words but counts once). */
  readonly total = $derived((this.matches.at(-1)?.index ?? -1) + 1)
  readonly searching = $derived(this.query.trim().length >= MIN_QUERY_LENGTH)
  /** "2 of 5", "No matches", or nothing before a query is long enough. */
  readonly countText = $derived(
    !this.searching
      ? ''
      : this.total
        ? `${this.current + 1} of ${this.total}${this.matches[0]?.near ? ' · words near each other' : ''}`
        : 'No matches'
  )

  constructor(engine: ArticleSearch, reveal: (index: number) => void) {
    this.#engine = engine
    this.#reveal = reveal
  }

  /** Makes a match the current one and shows it. */
  show = (index: number): void => {
    this.current = index
    this.#reveal(index)
  }

  /** The next (1) or previous (-1) match, wrapping around. */
  step = (delta: number): void => {
    const n = this.total
    if (n === 0) return
    this.show((this.current + delta + n) % n)
  }

  /** A new query starts at its first match. */
  changed = (): void => {
    this.current = 0
    if (this.total) this.show(0)
  }

  clear = (): void => {
    this.query = ''
    this.current = 0
  }
}
