import { describe, expect, it } from 'vitest'
import { filterQuery, modeQuery, parseStudyQuery, studyCardsQuery } from './query'

describe('the study query', () => {
  it('reads the filter and the mode, ignoring a mode it does not know', () => {
    const q = new URLSearchParams('era=soviet-union&theme=diplomacy&card=person:x&mode=typed')
    expect(parseStudyQuery(q)).toEqual({
      filter: { era: 'soviet-union', theme: 'diplomacy', card: 'person:x' },
      mode: 'typed',
      cram: false
    })
    expect(parseStudyQuery(new URLSearchParams('mode=bogus'))).toEqual({
      filter: { era: '', theme: '', card: '' },
      mode: null,
      cram: false
    })
  })

  it('writes a filter back without the one-card link and without the default mode', () => {
    expect(filterQuery({ era: 'soviet-union', theme: '' }, 'flip')).toEqual({ era: 'soviet-union' })
    expect(filterQuery({ era: '', theme: 'diplomacy' }, 'order')).toEqual({
      theme: 'diplomacy',
      mode: 'order'
    })
  })

  it('round-trips: what filterQuery writes, parseStudyQuery reads back', () => {
    const written = filterQuery({ era: 'x', theme: 'trade-economy' }, 'choice')
    const read = parseStudyQuery(new URLSearchParams(written))
    expect(read.filter).toEqual({ era: 'x', theme: 'trade-economy', card: '' })
    expect(read.mode).toBe('choice')
  })

  it('changes the mode and keeps the rest', () => {
    const q = new URLSearchParams('card=person:x&mode=typed')
    expect(modeQuery(q, 'flip')).toEqual({ card: 'person:x' })
    expect(modeQuery(q, 'choice')).toEqual({ card: 'person:x', mode: 'choice' })
  })

  it('reads back a list of cards to practise, the link a practice test gives', () => {
    const read = parseStudyQuery(new URLSearchParams(studyCardsQuery(['a:1', 'b:2'])))
    expect(read.filter.cards).toEqual(['a:1', 'b:2'])
    expect(read.cram).toBe(true)
    expect(read.mode).toBe('flip')
  })
})
