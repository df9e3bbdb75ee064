import { describe, expect, it } from 'vitest'
import { START_HINT } from '../lib/page'
import source from '../../public/boot.js?raw'

// public/boot.js (imported above as text) is run as the page runs it, a classic script, against a
// stand-in document.

/** Saved hints that cannot be read: localStorage throws (storage blocked for the page). */
const BLOCKED: Record<string, string> = {}

type Link = { rel?: string; as?: string; crossOrigin?: string; href?: string }

type Stand = {
  dataset: DOMStringMap
  /** The links boot.js added to <head>. */
  links: Link[]
  /** Ends the parsing of the stand-in document (its first readystatechange). */
  parsed: () => void
}

/**
 * Runs boot.js with a hash and saved hints against a document still being parsed unless `parsed`
 * (and with fonts that are there at once unless `fonts` is given, and the `view-code` metas of
 * `viewCode`, view id → content); returns what it put on <html> and in <head>.
 */
function boot(
  hash: string,
  saved: Record<string, string>,
  {
    parsed = true,
    fonts,
    viewCode = {}
  }: {
    parsed?: boolean
    fonts?: { load: () => Promise<unknown> }
    viewCode?: Record<string, string>
  } = {}
): Stand {
  const dataset: DOMStringMap = {}
  const listeners: (() => void)[] = []
  const links: Link[] = []
  const document = {
    documentElement: { dataset },
    head: { appendChild: (link: Link) => links.push(link) },
    createElement: (): Link => ({}),
    querySelector: (selector: string) => {
      const id = /^meta\[name="view-code"\]\[data-view="([a-z]+)"\]$/.exec(selector)?.[1]
      const content = id === undefined ? undefined : viewCode[id]
      return content === undefined ? null : { content }
    },
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
    links,
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

  it('marks the page as booted, for main.ts to wait for, even when storage cannot be read', () => {
    expect(boot('#/study', {}).dataset.booted).toBe('')
    const blocked = boot('', BLOCKED).dataset
    expect(blocked.booted).toBe('')
    expect(blocked.prerender).toBeUndefined()
  })

  it("at a link to another view, asks for the files the page names for it, as the app's own", () => {
    const viewCode = {
      timeline: './assets/TimelinePage-a.js ./assets/d3-scale-b.js ./assets/TimelinePage-c.css',
      study: './assets/StudyPage-d.js'
    }
    expect(boot('#/timeline/e-fort-ross?era=early', {}, { viewCode }).links).toEqual([
      { rel: 'modulepreload', crossOrigin: '', href: './assets/TimelinePage-a.js' },
      { rel: 'modulepreload', crossOrigin: '', href: './assets/d3-scale-b.js' },
      { rel: 'preload', as: 'style', crossOrigin: '', href: './assets/TimelinePage-c.css' }
    ])
    const study = boot('#/study', { [START_HINT]: 'elsewhere' }, { viewCode })
    expect(study.links.map((link) => link.href)).toEqual(['./assets/StudyPage-d.js'])
    expect(study.dataset.booted).toBe('')
    // The reader's code is in the page already; a plain start or an unknown view asks for none.
    expect(boot('#/reader', {}, { viewCode: { reader: './x.js' } }).links).toEqual([])
    expect(boot('', {}, { viewCode }).links).toEqual([])
    expect(boot('#/nowhere', {}, { viewCode }).links).toEqual([])
    // Storage that cannot be read changes nothing here.
    expect(boot('#/study', BLOCKED, { viewCode }).links).toHaveLength(1)
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
