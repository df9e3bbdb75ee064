import { describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { buildStudyContent } from '../../domain/content'
import { answerAnnouncement, gradeTypedAnswer, intervalLabels, verdictText } from './feedback'

const content = buildStudyContent(realPack())
const MIN = 60_000
const DAY = 86_400_000

describe('feedback', () => {
  it('grades a typed name forgivingly and shows the expected answer beside the given one', () => {
    const card = content.cardById.get('person:lazaro-cardenas')!
    const { result, mode } = gradeTypedAnswer(card, 'lazaro cardenas', content.pack)
    expect(mode).toBe('typed')
    expect(result).toMatchObject({ pass: true, rating: 3, given: 'lazaro cardenas' })
    expect(result.expected).toBe('Lázaro Cárdenas')
  })

  it('grades a trade figure as a number and says how it was read', () => {
    const card = content.cardById.get('figure:trade-total-2014')!
    const wrong = gradeTypedAnswer(card, '1,784 billion', content.pack)
    expect(wrong.mode).toBe('numeric')
    expect(wrong.result).toMatchObject({ pass: false, rating: 1 })
    expect(gradeTypedAnswer(card, 'lots', content.pack).result.detail).toBe(
      'That could not be read as a number.'
    )
  })

  it('writes the verdict, and the student’s own grade when overruled', () => {
    expect(verdictText({ pass: true, rating: 3 })).toBe('Correct — graded Good')
    expect(verdictText({ pass: false, rating: 1 })).toBe('Not quite — graded Again')
    expect(verdictText({ pass: false, rating: 3, overruled: true })).toBe('Your grade — Good')
  })

  it('names the lower button when two intervals read the same', () => {
    const labels = intervalLabels({ 1: MIN, 2: 6 * MIN, 3: DAY, 4: DAY + 3 * MIN })
    expect(labels[3]).toEqual({ text: '1d' })
    expect(labels[4]).toEqual({ text: '1d', sameAs: 3 })
    expect(labels[2]).toEqual({ text: '6m' })
  })

  it('announces the verdict with the next interval', () => {
    expect(answerAnnouncement('Correct — graded Good', 10 * MIN)).toBe(
      'Correct — graded Good. Next review in 10m.'
    )
    expect(answerAnnouncement('Graded Good', null)).toBe('Graded Good')
  })
})
