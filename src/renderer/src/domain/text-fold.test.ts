import { describe, expect, it } from 'vitest'
import { foldText } from './text-fold'

describe('foldText', () => {
  it('folds case, accents, dashes and quotes, so any spelling finds the text', () => {
    expect(foldText('Lázaro Cárdenas')).toBe('lazaro cardenas')
    expect(foldText('Echeverría')).toBe('echeverria')
    expect(foldText('Mexico–Russia “relations” ’90')).toBe('mexico-russia "relations" \'90')
  })
})
