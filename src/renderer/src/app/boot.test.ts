import { describe, expect, it } from 'vitest'
import { START_HINT } from '../lib/page'
import source from '../../public/boot.js?raw'

// public/boot.js (imported above as text) is run as the page runs it, a classic script, against a
// stand-in document.

/** Runs boot.js with a hash and saved hints; returns what it put on <html>. */
function boot(hash: string, saved: Record<string, string>): DOMStringMap {
  const dataset: DOMStringMap = {}
  const localStorage = { getItem: (key: string) => saved[key] ?? null }
  new Function('document', 'localStorage', 'location', source)(
    { documentElement: { dataset }, fonts: undefined },
    localStorage,
    { hash }
  )
  return dataset
}

const THEME = 'mexico-russia-study.theme'

describe('boot.js', () => {
  it('shows the prerender on a new profile and on a plain start left at the reader top', () => {
    expect(boot('', {}).prerender).toBe('on')
    expect(boot('#/reader', { [THEME]: 'system', [START_HINT]: 'reader-top' }).prerender).toBe('on')
  })

  it('never shows it for a deep link, another view, or a start the hint sends elsewhere', () => {
    expect(boot('#/reader/p-trade-1', {}).prerender).toBeUndefined()
    expect(boot('#/study', {}).prerender).toBeUndefined()
    expect(boot('', { [THEME]: 'system', [START_HINT]: 'elsewhere' }).prerender).toBeUndefined()
  })

  it('never shows it to a profile older than the hint (a theme saved, no start hint)', () => {
    expect(boot('', { [THEME]: 'system' }).prerender).toBeUndefined()
  })

  it('puts the saved colour scheme on the page, and shows the prerender only for system', () => {
    const dark = boot('', { [THEME]: 'dark', [START_HINT]: 'reader-top' })
    expect(dark.theme).toBe('dark')
    expect(dark.prerender).toBeUndefined()
    expect(boot('', {}).theme).toBe('system')
  })
})
