import { describe, expect, it } from 'vitest'
import { compareText, foldText, textComparer } from './text-fold'

describe('foldText', () => {
  it('folds case, accents, dashes and quotes, so any spelling finds the text', () => {
    expect(foldText('Lázaro Cárdenas')).toBe('lazaro cardenas')
    expect(foldText('Echeverría')).toBe('echeverria')
    expect(foldText('Mexico–Russia “relations” ’90')).toBe('mexico-russia "relations" \'90')
  })
})

describe('compareText', () => {
  it('sorts names alphabetically, accents and case aside', () => {
    const names = ['Vicente Fox', 'Álvaro Obregón', 'alexander I', 'Lázaro Cárdenas', 'Lavrov']
    expect([...names].sort(compareText)).toEqual([
      'alexander I',
      'Álvaro Obregón',
      'Lavrov',
      'Lázaro Cárdenas',
      'Vicente Fox'
    ])
  })
  it('orders the same folded name by its written form, and equal texts as equal', () => {
    expect(compareText('Avila', 'Ávila')).toBeLessThan(0)
    expect(compareText('Ávila', 'Avila')).toBeGreaterThan(0)
    expect(compareText('Fox', 'Fox')).toBe(0)
  })
})

describe('textComparer', () => {
  it('orders exactly as compareText, however often a text is compared', () => {
    const names = ['Ávila', 'Vicente Fox', 'Avila', 'alexander I', 'Lázaro Cárdenas', 'Lavrov']
    const texts = [...names, ...names, 'Ávila']
    const compare = textComparer()
    expect([...texts].sort(compare)).toEqual([...texts].sort(compareText))
    for (const a of texts) for (const b of texts) expect(compare(a, b)).toBe(compareText(a, b))
  })
})
