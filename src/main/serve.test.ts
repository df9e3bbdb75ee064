import { describe, expect, it } from 'vitest'
import { parsePort } from './port'

describe('serve --port', () => {
  it('defaults to 4173 and reads --port N', () => {
    expect(parsePort([])).toBe(4173)
    expect(parsePort(['--port', '5000'])).toBe(5000)
  })
  it.each([['abc'], ['0'], ['70000'], ['1.5'], []])('refuses --port %s', (...value) => {
    expect(() => parsePort(['--port', ...value])).toThrow(/--port needs a whole number/)
  })
})
