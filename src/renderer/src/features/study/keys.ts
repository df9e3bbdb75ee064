/**
 * The reviewer's keys as a table: what a key press does in the present state of the session,
 * decided without the DOM so it can be tested on its own (the page only reads the event).
 */
import type { Rating } from '../../domain/scheduler'
import type { QuizMode } from './query'

/** Where a session stands: what is on screen, hence what the keys do. */
export type Phase = 'loading' | 'question' | 'answer' | 'done' | 'order' | 'order-checked'

/** Why a session shows its summary without having reviewed anything. */
export type EmptyReason =
  /** The era and theme chosen keep no card at all. */
  | 'no-match'
  /** Put in order: fewer than two events to order (filters, or nothing studied yet). */
  | 'too-few-events'
  /** Cards match, but none is due now. */
  | 'nothing-due'

/** What a key asks the session to do. */
export type StudyAction =
  | { kind: 'reveal' }
  | { kind: 'continue' }
  | { kind: 'grade'; rating: Rating }
  | { kind: 'choose'; index: number }
  | { kind: 'overrule'; rating: Rating }
  | { kind: 'undo' }
  | { kind: 'bury' }
  | { kind: 'suspend' }
  | { kind: 'check-order' }

/** The state a key is read against. */
export interface KeyContext {
  key: string
  /** The focus is on a button, link or summary: Space and Enter belong to it. */
  onButton: boolean
  phase: Phase
  mode: QuizMode
  /** A quiz answer was graded and is shown (typed or multiple choice). */
  graded: boolean
  /** How many options the multiple-choice question shows (0 when none). */
  options: number
  canUndo: boolean
  /** A card is shown in a scheduled (not cram) session: it can be buried or suspended. */
  canSetAside: boolean
}

/** The action of a key press, or null when the key does nothing here. */
export function keyAction(c: KeyContext): StudyAction | null {
  const { key, phase } = c
  if (key === ' ' || key === 'Enter') {
    if (c.onButton) return null
    if (phase === 'question' && c.mode === 'flip') return { kind: 'reveal' }
    if ((phase === 'answer' && c.graded) || phase === 'order-checked') return { kind: 'continue' }
    return null
  }
  if (/^[1-4]$/.test(key)) {
    const n = Number(key) as Rating
    if (phase === 'answer' && c.mode === 'flip') return { kind: 'grade', rating: n }
    if (phase === 'answer' && c.graded) return { kind: 'overrule', rating: n }
    if (phase === 'question' && c.mode === 'choice' && n <= c.options) {
      return { kind: 'choose', index: n - 1 }
    }
    return null
  }
  switch (key.toLowerCase()) {
    case 'u':
      return c.canUndo ? { kind: 'undo' } : null
    case 'b':
      return c.canSetAside ? { kind: 'bury' } : null
    case 's':
      return c.canSetAside ? { kind: 'suspend' } : null
    case 'c':
      return phase === 'order' ? { kind: 'check-order' } : null
    default:
      return null
  }
}
