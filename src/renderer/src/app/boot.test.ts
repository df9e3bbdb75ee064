import { describe, expect, it } from 'vitest'
import { START_HINT } from '../lib/page'
import source from '../../boot.js?raw'

// src/renderer/boot.js (imported above as text) is run as the page runs it, a classic script,
// against a stand-in document.

/** Saved hints that cannot be read: localStorage throws (storage blocked for the page). */
const BLOCKED: Record<string, string> = {}

type Tag = {
  tag: string
  rel?: string
  as?: string
  type?: string
  crossOrigin?: string
  href?: string
  src?: string
}

type Stand = {
  dataset: DOMStringMap
  /** The tags boot.js added to <head>, in order, each with its element's name. */
  tags: Tag[]
  /** Ends the parsing of the stand-in document (its first readystatechange). */
  parsed: () => void
  /**
   * Runs the animation frame, tells the paint observers the first contentful paint was presented
   * (when the browser has paint timing), then runs the tasks boot.js queued for now.
   */
  painted: () => void
  /** Runs the animation frame and the tasks queued for now, the paint not yet presented. */
  framed: () => void
  /** Runs the tasks boot.js queued for later (its timers have run out). */
  later: () => void
  /** Loads the page's stylesheets that were still loading. */
  styled: () => void
}

const APP_CODE = './assets/index-a.js ./assets/client-b.js ./packs/p/pack.json ./assets/Reader-c.js'

/** What boot.js asks for when it loads the app's code named by APP_CODE. */
const APP_TAGS: Tag[] = [
  { tag: 'script', crossOrigin: '', type: 'module', src: './assets/index-a.js' },
  { tag: 'link', crossOrigin: '', rel: 'modulepreload', href: './assets/client-b.js' },
  { tag: 'link', crossOrigin: '', rel: 'preload', as: 'fetch', href: './packs/p/pack.json' },
  { tag: 'link', crossOrigin: '', rel: 'modulepreload', href: './assets/Reader-c.js' }
]

/**
 * Runs boot.js with a hash and saved hints against a document still being parsed unless `parsed`
 * (with fonts that are there at once unless `fonts` is given, `stylesheets` still loading, the
 * page's `app-code` meta, and the `view-code` metas of `viewCode`, view id → content); returns
 * what it put on <html> and in <head>, and hands to go on.
 */
function boot(
  hash: string,
  saved: Record<string, string>,
  {
    parsed = true,
    fonts,
    stylesheets = 0,
    viewCode = {},
    paintTiming = true
  }: {
    parsed?: boolean
    fonts?: { load: () => Promise<unknown> }
    stylesheets?: number
    viewCode?: Record<string, string>
    /** The browser reports paints to a PerformanceObserver (false: no such constructor). */
    paintTiming?: boolean
  } = {}
): Stand {
  const dataset: DOMStringMap = {}
  const listeners: (() => void)[] = []
  const frames: (() => void)[] = []
  const tasks: { run: () => void; delay: number }[] = []
  const tags: Tag[] = []
  type Entries = { getEntriesByName: (name: string) => object[] }
  const observers = new Set<PaintObserver>()
  class PaintObserver {
    constructor(readonly callback: (list: Entries, observer: PaintObserver) => void) {}
    observe(options: { type: string; buffered: boolean }) {
      if (options.type === 'paint' && options.buffered) observers.add(this)
    }
    disconnect() {
      observers.delete(this)
    }
  }
  const sheets = Array.from({ length: stylesheets }, () => {
    const loaded: (() => void)[] = []
    return {
      sheet: null as object | null,
      addEventListener: (type: string, listener: () => void) => {
        if (type === 'load') loaded.push(listener)
      },
      load() {
        this.sheet = {}
        for (const listener of loaded.splice(0)) listener()
      }
    }
  })
  const document = {
    documentElement: { dataset },
    head: { appendChild: (tag: Tag) => tags.push(tag) },
    createElement: (tag: string): Tag => ({ tag }),
    querySelector: (selector: string) => {
      if (selector === 'meta[name="app-code"]') return { content: APP_CODE }
      const id = /^meta\[name="view-code"\]\[data-view="([a-z]+)"\]$/.exec(selector)?.[1]
      const content = id === undefined ? undefined : viewCode[id]
      return content === undefined ? null : { content }
    },
    querySelectorAll: (selector: string) => (selector === 'link[rel="stylesheet"]' ? sheets : []),
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
  new Function(
    'document',
    'localStorage',
    'location',
    'requestAnimationFrame',
    'setTimeout',
    'PerformanceObserver',
    source
  )(
    document,
    localStorage,
    { hash },
    (callback: () => void) => frames.push(callback),
    (run: () => void, delay: number) => tasks.push({ run, delay }),
    paintTiming ? PaintObserver : undefined
  )
  return {
    dataset,
    tags,
    parsed: () => {
      document.readyState = 'interactive'
      for (const listener of listeners.splice(0)) listener()
    },
    framed: () => {
      for (const frame of frames.splice(0)) frame()
      for (const task of tasks.filter((task) => task.delay === 0)) task.run()
    },
    painted: () => {
      for (const frame of frames.splice(0)) frame()
      const list = {
        getEntriesByName: (name: string) => (name === 'first-contentful-paint' ? [{}] : [])
      }
      for (const observer of [...observers]) observer.callback(list, observer)
      for (const task of tasks.filter((task) => task.delay === 0)) task.run()
    },
    later: () => {
      for (const task of tasks.filter((task) => task.delay > 0)) task.run()
    },
    styled: () => sheets.forEach((sheet) => sheet.load())
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

  it('starts the app without the prerender when storage cannot be read', () => {
    const blocked = boot('', BLOCKED)
    expect(blocked.dataset.prerender).toBeUndefined()
    expect(blocked.dataset.theme).toBeUndefined()
    expect(blocked.tags).toEqual(APP_TAGS)
  })

  it("asks for the app's code at once when the prerender is not shown, in the page's order", () => {
    const study = boot('#/study', {})
    expect(study.dataset.prerender).toBeUndefined()
    expect(study.tags).toEqual(APP_TAGS)
    expect(boot('', { [THEME]: 'dark' }).tags).toEqual(APP_TAGS)
    expect(boot('', BLOCKED).tags).toEqual(APP_TAGS)
  })

  it("with the prerender, asks for the app's code only after its first frame is painted", () => {
    for (const paintTiming of [true, false]) {
      const start = boot('', {}, { parsed: false, paintTiming })
      expect(start.tags).toEqual([])
      start.parsed()
      expect(start.dataset.prerender).toBe('on')
      expect(start.tags).toEqual([])
      start.painted()
      expect(start.tags).toEqual(APP_TAGS)
      // Asked for once, however many frames and timers follow.
      start.painted()
      start.later()
      expect(start.tags).toEqual(APP_TAGS)
    }
  })

  it('waits for the first contentful paint, not for the frame whose paint is still to come', () => {
    // The frame's callbacks have run and its tasks too, but it is not on screen yet.
    const start = boot('', {})
    start.framed()
    expect(start.tags).toEqual([])
    start.painted()
    expect(start.tags).toEqual(APP_TAGS)
    // A browser with no paint timing asks once the frame's callbacks have run.
    const older = boot('', {}, { paintTiming: false })
    older.framed()
    expect(older.tags).toEqual(APP_TAGS)
  })

  it('starts the app even when the fonts never load, the prerender still hidden', () => {
    const stuck = boot('', {}, { fonts: { load: () => new Promise(() => undefined) } })
    stuck.painted()
    expect(stuck.tags).toEqual([])
    stuck.later()
    expect(stuck.tags).toEqual(APP_TAGS)
    expect(stuck.dataset.prerender).toBe('fonts')
  })

  it("at a link to another view, asks for the files the page names for it, as the app's own", () => {
    const viewCode = {
      timeline: './assets/TimelinePage-a.js ./assets/d3-scale-b.js ./assets/TimelinePage-c.css',
      study: './assets/StudyPage-d.js'
    }
    expect(boot('#/timeline/e-fort-ross?era=early', {}, { viewCode }).tags.slice(4)).toEqual([
      { tag: 'link', rel: 'modulepreload', crossOrigin: '', href: './assets/TimelinePage-a.js' },
      { tag: 'link', rel: 'modulepreload', crossOrigin: '', href: './assets/d3-scale-b.js' },
      {
        tag: 'link',
        rel: 'preload',
        as: 'style',
        crossOrigin: '',
        href: './assets/TimelinePage-c.css'
      }
    ])
    const study = boot('#/study', { [START_HINT]: 'elsewhere' }, { viewCode })
    expect(study.tags.slice(4).map((tag) => tag.href)).toEqual(['./assets/StudyPage-d.js'])
    // The reader's code is the app's own; a plain start or an unknown view asks for no more.
    for (const hash of ['#/reader', '']) {
      const plain = boot(hash, {}, { viewCode: { ...viewCode, reader: './x.js' } })
      plain.painted()
      expect(plain.tags).toEqual(APP_TAGS)
    }
    expect(boot('#/nowhere', {}, { viewCode }).tags).toEqual(APP_TAGS)
    // Storage that cannot be read changes nothing here.
    expect(boot('#/study', BLOCKED, { viewCode }).tags).toHaveLength(5)
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

  it('asks for the fonts only once the stylesheets that declare them have loaded', async () => {
    let asked = 0
    const fonts = { load: () => (asked++, Promise.resolve([])) }
    const start = boot('', {}, { parsed: false, stylesheets: 2, fonts })
    start.parsed()
    await Promise.resolve()
    expect(asked).toBe(0)
    expect(start.dataset.prerender).toBe('fonts')
    start.styled()
    expect(asked).toBe(2)
    await expect.poll(() => start.dataset.prerender).toBe('on')
  })
})
