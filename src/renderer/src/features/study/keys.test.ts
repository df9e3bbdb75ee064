import { describe, expect, it } from 'vitest'
import { keyAction, type KeyContext } from './keys'

const base: KeyContext = {
  key: ' ',
  onButton: false,
  phase: 'question',
  mode: 'flip',
  graded: false,
  options: 0,
  canUndo: false,
  canSetAside: true
}
const at = (change: Partial<KeyContext>) => keyAction({ ...base, ...change })

describe('the reviewer keys', () => {
  it('Space and Enter show the answer, then continue after a graded quiz or an ordering', () => {
    expect(at({ key: ' ' })).toEqual({ kind: 'reveal' })
    expect(at({ key: 'Enter' })).toEqual({ kind: 'reveal' })
    expect(at({ key: ' ', phase: 'answer', mode: 'typed', graded: true })).toEqual({
      kind: 'continue'
    })
    expect(at({ key: ' ', phase: 'order-checked', mode: 'order' })).toEqual({ kind: 'continue' })
  })

  it('leaves Space and Enter to a focused button', () => {
    expect(at({ key: ' ', onButton: true })).toBeNull()
    expect(at({ key: 'Enter', onButton: true, phase: 'order-checked' })).toBeNull()
  })

  it('1–4 grade a flashcard once its answer is shown, never before', () => {
    expect(at({ key: '3', phase: 'answer' })).toEqual({ kind: 'grade', rating: 3 })
    expect(at({ key: '3', phase: 'question' })).toBeNull()
    expect(at({ key: '5', phase: 'answer' })).toBeNull()
  })

  it('1–4 pick an option of a multiple-choice question, up to the options shown', () => {
    expect(at({ key: '2', mode: 'choice', options: 4 })).toEqual({ kind: 'choose', index: 1 })
    expect(at({ key: '4', mode: 'choice', options: 3 })).toBeNull()
  })

  it('1–4 overrule the automatic grade of a graded quiz answer', () => {
    expect(at({ key: '3', phase: 'answer', mode: 'typed', graded: true })).toEqual({
      kind: 'overrule',
      rating: 3
    })
    expect(at({ key: '1', phase: 'answer', mode: 'choice', graded: true, options: 4 })).toEqual({
      kind: 'overrule',
      rating: 1
    })
  })

  it('U, B, S and C act only when they can', () => {
    expect(at({ key: 'u' })).toBeNull()
    expect(at({ key: 'U', canUndo: true })).toEqual({ kind: 'undo' })
    expect(at({ key: 'b' })).toEqual({ kind: 'bury' })
    expect(at({ key: 's', canSetAside: false })).toBeNull()
    expect(at({ key: 'c', phase: 'order', mode: 'order' })).toEqual({ kind: 'check-order' })
    expect(at({ key: 'c' })).toBeNull()
  })
})
