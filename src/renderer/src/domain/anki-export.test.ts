import { describe, expect, it } from 'vitest'
import { ankiExport, ankiField, ankiTags } from './anki-export'
import type { StudyCard } from './study-card'

const card = (extra: Partial<StudyCard>): StudyCard => ({
  id: 'c',
  noteId: 'c',
  kind: 'event-what',
  question: 'Q',
  answer: 'A',
  accept: [],
  era: 'soviet-union',
  themes: ['diplomacy'],
  paragraphId: 'p',
  entityIds: [],
  citations: [],
  ...extra
})

describe('ankiExport', () => {
  it('starts with the header lines Anki reads, then one tab-separated row per card', () => {
    const text = ankiExport([
      card({ question: 'When did Mexico and Russia establish relations?', answer: '1890' }),
      card({
        era: 'space age',
        themes: ['space', 'people-culture'],
        question: 'Who?',
        answer: 'Rodolfo Neri Vela'
      })
    ])
    const lines = text.split('\n')
    expect(lines.slice(0, 5)).toEqual([
      '#separator:tab',
      '#html:false',
      '#notetype:Basic',
      '#deck:Mexico–Russia Relations',
      '#tags column:3'
    ])
    expect(lines[5]).toBe(
      'When did Mexico and Russia establish relations?\t1890\tera::soviet-union theme::diplomacy'
    )
    expect(lines[6]).toBe(
      'Who?\tRodolfo Neri Vela\tera::space_age theme::space theme::people-culture'
    )
    expect(lines[7]).toBe('')
    expect(lines).toHaveLength(8)
  })

  it('keeps every row on one line with exactly three fields', () => {
    const text = ankiExport([card({ question: 'a\tb\nc', answer: 'line one\r\nline two' })])
    const row = text.split('\n')[5]!
    expect(row.split('\t')).toEqual([
      'a b c',
      'line one line two',
      'era::soviet-union theme::diplomacy'
    ])
  })

  it('quotes a field holding a double quote, so Anki does not misread it', () => {
    expect(ankiField('the "Tsar Bell"')).toBe('"the ""Tsar Bell"""')
    expect(ankiField('plain')).toBe('plain')
    expect(ankiTags(card({ era: 'x', themes: [] }))).toBe('era::x')
  })

  it('writes only the header for an empty deck', () => {
    expect(ankiExport([]).trim().split('\n')).toHaveLength(5)
  })
})
