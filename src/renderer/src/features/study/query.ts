/** The study URL's query (`#/study?era=…&theme=…&card=…&mode=…`) ↔ the session's filter and mode. */
import type { StudyFilter } from './lib'

export type QuizMode = 'flip' | 'choice' | 'typed' | 'order' | 'test'

/** The modes in the order the toolbar shows them. */
export const MODES: readonly { id: QuizMode; label: string }[] = [
  { id: 'flip', label: 'Flashcards' },
  { id: 'choice', label: 'Multiple choice' },
  { id: 'typed', label: 'Type the answer' },
  { id: 'order', label: 'Put in order' },
  { id: 'test', label: 'Practice test' }
]

/** True for a mode name the toolbar offers (a hand-edited URL may hold anything). */
export function isQuizMode(value: string | null): value is QuizMode {
  return MODES.some((m) => m.id === value)
}

/** What a study URL asks for; `mode` is null when the URL names none (the mode in force stays). */
export function parseStudyQuery(query: URLSearchParams): {
  filter: StudyFilter
  mode: QuizMode | null
  /** `cram=1`: practise without changing the schedule (the cards missed in a test). */
  cram: boolean
} {
  const mode = query.get('mode')
  const cards = (query.get('cards') ?? '').split(',').filter(Boolean)
  return {
    filter: {
      era: query.get('era') ?? '',
      theme: query.get('theme') ?? '',
      card: query.get('card') ?? '',
      ...(cards.length ? { cards } : {})
    },
    mode: isQuizMode(mode) ? mode : null,
    cram: query.get('cram') === '1'
  }
}

/** The link that studies a list of cards now as flashcards, without changing the schedule. */
export function studyCardsQuery(ids: readonly string[]): Record<string, string> {
  return { cards: ids.join(','), cram: '1', mode: 'flip' }
}

/**
 * The query for an era and theme in a mode: a one-card link is dropped (choosing a filter means
 * studying more than that card), the default mode is left out so plain links stay short.
 */
export function filterQuery(
  filter: { era: string; theme: string },
  mode: QuizMode
): Record<string, string> {
  return {
    ...(filter.era ? { era: filter.era } : {}),
    ...(filter.theme ? { theme: filter.theme } : {}),
    ...(mode !== 'flip' ? { mode } : {})
  }
}

/** The same query in another mode (every other parameter kept). */
export function modeQuery(query: URLSearchParams, mode: QuizMode): Record<string, string> {
  const out = Object.fromEntries(query)
  delete out.mode
  if (mode !== 'flip') out.mode = mode
  return out
}
