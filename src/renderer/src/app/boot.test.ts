import { describe, expect, it } from 'vitest'
import { START_HINT } from '../lib/page'
import source from '../../public/boot.js?raw'

// public/boot.js (imported above as text) is run as the page runs it, a classic script, against a
// stand-in document.

/** Saved hints that cannot be read: localStorage throws (storage blocked for the page). */
const BLOCKED: Record<string, string> = {}

type Stand = {
  dataset: DOMStringMap
  /** Ends the parsing of the stand-in document (its first readystatechange). */
  parsed: () => void
}

/**
 * Runs boot.js with a hash and saved hints against a document still being parsed unless `parsed`
 * (and with fonts that are there at once unless `fonts` is given); returns what it put on <html>.
 */
function boot(
  hash: string,
  saved: Record<string, string>,
  { parsed = true, fonts }: { parsed?: boolean; fonts?: { load: () => Promise<unknown> } } = {}
): Stand {
  const dataset: DOMStringMap = {}
  const listeners: (() => void)[] = []
  const document = {
    documentElement: { dataset },
    fonts,
    readyState: parsed ? 'interactive' : 'loading',
    addEventListener: (type: string, listener: () => void) => {
      if (type === 'readystatechange') listeners.push(listener)
    }
  }
  const localStorage =
    saved === BLOCKED
      ? {
          getItem: () => {
            throw new DOMException('Access is denied', 'SecurityError')
          }
        }
      : { getItem: (key: string) => saved[key] ?? null }
  new Function('document', 'localStorage', 'location', source)(document, localStorage, { hash })
  return {
    dataset,
    parsed: () => {
      document.readyState = 'interactive'
      for (const listener of listeners.splice(0)) listener()
    }
  }
}

const THEME = 'mexico-russia-study.theme'

describe('boot.js', () => {
  it('shows the prerender on a new profile and on a plain start left at the reader top', () => {
    expect(boot('', {}).dataset.prerender).toBe('on')
    expect(
      boot('#/reader', { [THEME]: 'system', [START_HINT]: 'reader-top' }).dataset.prerender
    ).toBe('on')
  })

  it('never shows it for a deep link, another view, or a start the hint sends elsewhere', () => {
    expect(boot('#/reader/p-trade-1', {}).dataset.prerender).toBeUndefined()
    expect(boot('#/study', {}).dataset.prerender).toBeUndefined()
    expect(
      boot('', { [THEME]: 'system', [START_HINT]: 'elsewhere' }).dataset.prerender
    ).toBeUndefined()
  })

  it('never shows it to a profile older than the hint (a theme saved, no start hint)', () => {
    expect(boot('', { [THEME]: 'system' }).dataset.prerender).toBeUndefined()
  })

  it('puts the saved colour scheme on the page, and shows the prerender only for system', () => {
    const dark = boot('', { [THEME]: 'dark', [START_HINT]: 'reader-top' }).dataset
    expect(dark.theme).toBe('dark')
    expect(dark.prerender).toBeUndefined()
    expect(boot('', {}).dataset.theme).toBe('system')
  })

  it('marks the page as booted (a colour scheme on it) even when storage cannot be read', () => {
    const blocked = boot('', BLOCKED).dataset
    expect(blocked.theme).toBe('system')
    expect(blocked.prerender).toBeUndefined()
  })

  it('shows it only once the page is parsed and both fonts are loaded', async () => {
    const early = boot('', {}, { parsed: false })
    expect(early.dataset.prerender).toBe('fonts')
    early.parsed()
    expect(early.dataset.prerender).toBe('on')

    let fontsLoaded = () => {}
    const loading = new Promise<void>((resolve) => (fontsLoaded = resolve))
    const late = boot('', {}, { parsed: false, fonts: { load: () => loading } })
    late.parsed()
    await Promise.resolve()
    expect(late.dataset.prerender).toBe('fonts')
    fontsLoaded()
    await expect.poll(() => late.dataset.prerender).toBe('on')
  })
})
