/**
 * The first screen prerendered into index.html at build time: on a new profile the first
 * paragraph is in the served HTML and shown before any script, the live app then takes its place
 * with nothing moving (the same box, no layout shift) and one article left; a start that will
 * open elsewhere (the study view, a saved reading position) never shows it; a dark-theme user's
 * first frame is dark; a damaged pack still ends on the error screen with the article gone; the
 * prerendered screen alone passes axe; the app's code is asked for after the prerender's first
 * paint, and at once at a link to another view; and a link to the timeline asks for the timeline's
 * code before the app's script has run, each file once.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'
import { expect, openApp, readSetting, shownView, test } from './fixtures'

const FIRST = 'p-introduction-1'
const FIRST_TEXT = 'Mexico–Russia relations refers to the diplomatic relations between Mexico'
const START_HINT = 'mexico-russia-study.start'

type Box = { x: number; y: number; width: number; height: number }
type Watch = {
  firstBg?: string
  first?: { box: Box; prerendered: boolean }
  shift: number
  sawArticle: boolean
  sawPrerender: boolean
}

/**
 * From the document's start, every frame: the page's background colour in the first frame, the
 * first paragraph's box in the first frame it is shown (and whether that was the prerendered
 * copy), whether any paragraph or the prerendered one was ever visible, and the layout shifts.
 */
function watchFrames() {
  const watch: Watch = { shift: 0, sawArticle: false, sawPrerender: false }
  ;(window as unknown as { __watch: Watch }).__watch = watch
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as { value: number }[]) {
      watch.shift += entry.value
    }
  }).observe({ type: 'layout-shift', buffered: true })
  const frame = () => {
    watch.firstBg ??= getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()
    const visible = (el: Element | null) => el instanceof HTMLElement && el.checkVisibility()
    if ([...document.querySelectorAll('p[data-block]')].some(visible)) watch.sawArticle = true
    if (visible(document.querySelector('#prerender p[data-block]'))) watch.sawPrerender = true
    const first = document.querySelector('p[data-block="p-introduction-1"]')
    if (!watch.first && first && visible(first)) {
      const { x, y, width, height } = first.getBoundingClientRect()
      watch.first = {
        box: { x, y, width, height },
        prerendered: Boolean(first.closest('#prerender'))
      }
    }
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
}

const watched = (page: Page) =>
  page.evaluate(() => (window as unknown as { __watch: Watch }).__watch)

/** Waits until the live app is whole: database open, mastery legend in, two frames drawn. */
async function settled(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-storage', 'open')
  await expect(shownView(page).getByTestId('mastery-legend')).toBeVisible()
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
  )
}

test('a new profile gets the first paragraph in the served HTML and one article once the app is live', async ({
  page,
  request
}) => {
  const response = await request.get('/')
  const html = await response.text()
  expect(html).toContain(`data-block="${FIRST}"`)
  expect(html).toContain(FIRST_TEXT)
  // The page's one inline script, the boot script, is allowed by the CSP's hash of its text.
  const head = html.slice(0, html.indexOf('</head>'))
  const inline = [...head.matchAll(/<script>([\s\S]*?)<\/script>/g)]
  expect(inline).toHaveLength(1)
  const boot = inline[0]?.index ?? -1
  const hash = createHash('sha256')
    .update(inline[0]?.[1] ?? '')
    .digest('base64')
  expect(response.headers()['content-security-policy']).toContain(
    `script-src 'self' 'sha256-${hash}';`
  )
  // What the first paint waits for is asked for first: the boot script runs as the parser reaches
  // it, then come the stylesheets and fonts. The page asks for none of the app's code or the pack
  // itself: it names them, entry first, for the boot script.
  const at = (pattern: RegExp) => [...head.matchAll(pattern)].map((match) => match.index)
  const waits = at(/<link rel="stylesheet"|<link rel="preload"[^>]*as="font"/g)
  expect(waits.length).toBeGreaterThanOrEqual(3)
  for (const wait of waits) expect(wait).toBeGreaterThan(boot)
  expect(head).not.toMatch(/<script[^>]* src=|<link rel="modulepreload"|as="fetch"/)
  const code = /<meta name="app-code" content="([^"]+)"/.exec(head)
  expect(code?.index).toBeLessThan(boot)
  const files = code?.[1]?.split(' ') ?? []
  expect(files[0]).toMatch(/^\.\/assets\/index-[^/]+\.js$/)
  expect(files).toContain('./packs/mexico-russia/pack.json')

  await openApp(page)
  await expect(page.locator('article.article')).toHaveCount(1)
  await expect(page.locator(`p[data-block="${FIRST}"]`)).toHaveCount(1)
  await expect(page.locator('#prerender')).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: 'Views' })).toHaveCount(1)
})

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 800, height: 600 }
]) {
  test(`at ${viewport.width}×${viewport.height} the prerendered paragraph is shown first and nothing moves when the app takes over`, async ({
    page
  }) => {
    await page.setViewportSize(viewport)
    await page.addInitScript(watchFrames)
    // The prerender waits for its two fonts (boot.js); on a loaded machine they can come after the
    // app has drawn the article itself, and the prerender then rightly stays hidden. So the app's
    // script is held until the prerendered paragraph has been on screen: the take-over is tested.
    let prerenderShown = () => {}
    const shown = new Promise<void>((resolve) => (prerenderShown = resolve))
    await page.exposeFunction('__prerenderShown', () => prerenderShown())
    await page.addInitScript(() => {
      const check = () => {
        const p = document.querySelector<HTMLElement>('#prerender p[data-block]')
        if (p?.checkVisibility()) {
          void (window as unknown as { __prerenderShown: () => Promise<void> }).__prerenderShown()
        } else requestAnimationFrame(check)
      }
      requestAnimationFrame(check)
    })
    await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
      await shown
      await route.continue()
    })
    await page.goto('/')
    await settled(page)
    const watch = await watched(page)
    expect(watch.first?.prerendered, 'the first frame with the paragraph was the prerender').toBe(
      true
    )
    const now = await page.locator(`p[data-block="${FIRST}"]`).boundingBox()
    expect(now).toEqual(watch.first?.box)
    expect(watch.shift).toBe(0)
  })
}

/**
 * Each file a meta of the page names (`selector`: the app's code, or a view's), with the start
 * time of each fetch of it.
 */
function namedFetches(page: Page, selector = 'meta[name="app-code"]') {
  return page.evaluate((selector) => {
    const meta = document.querySelector<HTMLMetaElement>(selector)
    return (meta?.content.split(' ') ?? []).map((href) => {
      const url = new URL(href, document.baseURI).href
      return [href, performance.getEntriesByName(url).map((entry) => entry.startTime)] as const
    })
  }, selector)
}

test("on a new profile the app's code is asked for only once the prerendered paragraph is on screen", async ({
  page
}) => {
  // The time of the first frame in which the prerendered paragraph is shown, taken in its
  // animation frame (before its paint): the boot script asks for the app's code after that paint.
  await page.addInitScript(() => {
    const check = () => {
      const p = document.querySelector<HTMLElement>('#prerender p[data-block]')
      if (p?.checkVisibility()) {
        ;(window as unknown as { __shownAt: number }).__shownAt = performance.now()
      } else requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  })
  await page.goto('/')
  await settled(page)
  const shownAt = await page.evaluate(() => (window as unknown as { __shownAt?: number }).__shownAt)
  expect(shownAt).toBeDefined()
  // The frame on screen: its first contentful paint, timed when it was presented.
  const paintedAt = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime
  )
  expect(paintedAt).toBeGreaterThanOrEqual(shownAt ?? Infinity)
  // The entry, its preloads and the pack: each fetched once, after that frame was presented (asked
  // for sooner, their loading took the cores from the frame's raster).
  const fetched = await namedFetches(page)
  expect(fetched.length).toBeGreaterThanOrEqual(3)
  for (const [href, times] of fetched) {
    expect(times, href).toHaveLength(1)
    expect(times[0], href).toBeGreaterThan(paintedAt ?? Infinity)
  }
  await expect(page.locator('article.article')).toHaveCount(1)
  await expect(page.locator('#prerender')).toHaveCount(0)
})

test("at a link to another view the app's code is asked for as the page is parsed", async ({
  page
}) => {
  await page.addInitScript(() =>
    document.addEventListener('DOMContentLoaded', () => {
      ;(window as unknown as { __parsedAt: number }).__parsedAt = performance.now()
    })
  )
  await page.goto('/#/trade')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Trade between Mexico and Russia' })
  ).toBeVisible()
  const parsedAt = await page.evaluate(
    () => (window as unknown as { __parsedAt: number }).__parsedAt
  )
  const fetched = await namedFetches(page)
  expect(fetched.length).toBeGreaterThanOrEqual(3)
  for (const [href, times] of fetched) {
    expect(times, href).toHaveLength(1)
    expect(times[0], href).toBeLessThan(parsedAt)
  }
  await expect(page.locator('#prerender')).toHaveCount(0)
})

test('a returning user whose last view is Study never sees the prerendered article', async ({
  page
}) => {
  await openApp(page, '#/study')
  await expect.poll(() => readSetting(page, 'lastRoute')).toBe('#/study')
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), START_HINT))
    .toBe('elsewhere')
  await page.addInitScript(watchFrames)
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible()
  await settledDatabase(page)
  const watch = await watched(page)
  expect(watch.sawArticle).toBe(false)
  expect(watch.sawPrerender).toBe(false)
  await expect(page.locator('#prerender')).toHaveCount(0)
})

test('a returning user with a saved reading position never sees the prerendered article', async ({
  page
}) => {
  // Opened by its own link, so no first-launch welcome stands over it.
  await openApp(page, '#/reader')
  await page
    .getByRole('navigation', { name: 'Contents' })
    .getByRole('link', { name: 'Trade', exact: true })
    .click()
  await expect.poll(() => readSetting(page, 'reader.position')).toBeTruthy()
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), START_HINT))
    .toBe('elsewhere')
  await page.addInitScript(watchFrames)
  await page.goto('/')
  await settled(page)
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0)
  const watch = await watched(page)
  expect(watch.sawPrerender).toBe(false)
})

test.describe('with a light system theme', () => {
  test.use({ colorScheme: 'light' })

  test("a dark-theme user's first frame is dark", async ({ page }) => {
    await openApp(page, '#/reader')
    const toggle = page.getByTestId('theme-toggle')
    while ((await toggle.textContent())?.includes('dark') !== true) await toggle.click()
    await expect.poll(() => readSetting(page, 'theme')).toBe('dark')
    await page.addInitScript(watchFrames)
    await page.goto('/')
    await settled(page)
    const watch = await watched(page)
    expect(watch.firstBg).toBe('#15181d')
    expect(watch.sawPrerender).toBe(false)
  })
})

test('a damaged pack ends on the error screen, the prerendered article gone', async ({ page }) => {
  await page.route('**/packs/mexico-russia/pack.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: '{"format":"mexico-russia-study/pack"' })
  )
  await page.goto('/')
  await expect(page.getByRole('alert')).toContainText('The article pack is damaged')
  await expect(page.locator('#prerender')).toHaveCount(0)
  await expect(page.locator('p[data-block]')).toHaveCount(0)
})

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8'
)

test('the prerendered first screen alone has no serious axe violation, light and dark', async ({
  page
}) => {
  // The app's code never arrives: what is on screen is the prerender and nothing else.
  await page.route(/\/assets\/index-[^/]*\.js$/, (route) => route.abort())
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.goto('/')
    await expect(page.locator(`#prerender p[data-block="${FIRST}"]`)).toBeVisible()
    await page.evaluate(axeSource)
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (context: Document) => Promise<{ violations: { id: string; impact: string }[] }>
          }
        }
      ).axe
      return (await axe.run(document)).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact})`)
    })
    expect(violations).toEqual([])
  }
})

/** The database is open (the study view has read what it needs). */
async function settledDatabase(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-storage', 'open')
}

test("a link to the timeline asks for the timeline's code as the page starts, each file once", async ({
  page
}) => {
  // The app's own script is held back: only the page (boot.js) can ask for the view's code then.
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await released
    await route.continue()
  })
  const asked = new Promise<void>((resolve) =>
    page.on('request', (request) => {
      if (/\/assets\/TimelinePage-[^/]*\.js$/.test(request.url())) resolve()
    })
  )
  // Not waiting for the load event: it waits for the held script.
  await page.goto('/#/timeline', { waitUntil: 'commit' })
  await asked
  release()
  const axis = page.getByTestId('timeline-axis')
  await expect(axis).toHaveAttribute('data-drawn', 'true')
  await expect(page.locator('html')).toHaveAttribute('data-storage', 'open')
  // Every file the page named for the timeline was fetched, and only once: the preloads (scripts
  // and stylesheets) are the ones the app then used, not fetched again beside them.
  const fetched = await namedFetches(page, 'meta[name="view-code"][data-view="timeline"]')
  expect(fetched.length).toBeGreaterThanOrEqual(3)
  expect(fetched.filter(([href]) => href.endsWith('.css')).length).toBeGreaterThanOrEqual(1)
  for (const [href, times] of fetched) expect(times.length, href).toBe(1)
})
