/** Search: phrase-first matching for the reader's find bar, and the app-wide search box. */
export {
  bestOnly,
  findHits,
  foldedWords,
  normalizeWithMap,
  queryWords,
  type Hit,
  type NormalizedText,
  type Range,
  type Tier,
  type Word
} from './match'
export {
  KIND_LABELS,
  RESULT_KINDS,
  SearchIndex,
  snippet,
  type ResultGroup,
  type ResultKind,
  type SearchResult,
  type SnippetPiece
} from './search-index'
export { default as GlobalSearch } from './GlobalSearch.svelte'
