import { describe, expect, it } from 'vitest'
import { opensAtReaderTop } from './start-hint'

describe('opensAtReaderTop', () => {
  const none = { lastRoute: undefined, position: undefined, fontSize: undefined }

  it('is true for a new profile and for the reader left at its top in the medium size', () => {
    expect(opensAtReaderTop(none)).toBe(true)
    expect(opensAtReaderTop({ ...none, lastRoute: '#/reader', fontSize: 'medium' })).toBe(true)
  })

  it('is false when the last view was another one, or the reader with a filter', () => {
    expect(opensAtReaderTop({ ...none, lastRoute: '#/study' })).toBe(false)
    expect(opensAtReaderTop({ ...none, lastRoute: '#/reader?from=study' })).toBe(false)
  })

  it('is false with a saved reading position or another text size', () => {
    expect(opensAtReaderTop({ ...none, position: { blockId: 'p3', offset: 10 } })).toBe(false)
    expect(opensAtReaderTop({ ...none, fontSize: 'large' })).toBe(false)
  })
})
