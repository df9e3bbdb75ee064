/**
 * The first screen prerendered into index.html at build time: on a new profile the first
 * paragraph is in the served HTML and shown before any script, the live app then takes its place
 * with nothing moving (the same box, no layout shift) and one article left; a start that will
 * open elsewhere (the study view, a saved reading position) never shows it; a dark-theme user's
 * first frame is dark; a damaged pack still ends on the error screen with the article gone; the
 * prerendered screen alone passes axe; and a link to the timeline asks for the timeline's code
 * before the app's script has run, each file once.
 */
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
  const html = await (await request.get('/')).text()
  expect(html).toContain(`data-block="${FIRST}"`)
  expect(html).toContain(FIRST_TEXT)
  // What the first paint waits for is asked for first: stylesheets and fonts, then boot.js, and
  // only then the app's code.
  const head = html.slice(0, html.indexOf('</head>'))
  const at = (pattern: RegExp) => [...head.matchAll(pattern)].map((match) => match.index)
  const boot = head.indexOf('<script src="./boot.js" async blocking="render">')
  expect(boot).toBeGreaterThan(0)
  expect(
    at(/<link rel="stylesheet"|<link rel="preload"[^>]*as="font"/g).length
  ).toBeGreaterThanOrEqual(3)
  for (const wait of at(/<link rel="stylesheet"|<link rel="preload"[^>]*as="font"/g)) {
    expect(wait).toBeLessThan(boot)
  }
  for (const code of at(/<script type="module"|<link rel="modulepreload"|\.json"/g)) {
    expect(code).toBeGreaterThan(boot)
  }

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

test('boot.js arriving after the app has loaded still ends with one live article and no prerender', async ({
  page
}) => {
  // boot.js is async: held here until the page is parsed and the app's module has run (modules
  // run before DOMContentLoaded), the app must wait for it rather than start under it.
  let parsed = () => {}
  const domReady = new Promise<void>((resolve) => (parsed = resolve))
  await page.exposeFunction('__parsed', () => parsed())
  await page.addInitScript(() =>
    document.addEventListener('DOMContentLoaded', () => {
      void (window as unknown as { __parsed: () => Promise<void> }).__parsed()
    })
  )
  await page.route('**/boot.js', async (route) => {
    await domReady
    await route.continue()
  })
  await page.goto('/')
  await settled(page)
  await expect(page.locator('article.article')).toHaveCount(1)
  await expect(page.locator(`p[data-block="${FIRST}"]`)).toBeVisible()
  await expect(page.locator('#prerender')).toHaveCount(0)
  await expect(page.locator('html')).not.toHaveAttribute('data-prerender')
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
  const fetched = await page.evaluate(() => {
    const meta = document.querySelector<HTMLMetaElement>(
      'meta[name="view-code"][data-view="timeline"]'
    )
    return (meta?.content.split(' ') ?? []).map((href) => {
      const url = new URL(href, document.baseURI).href
      return [href, performance.getEntriesByName(url).length] as const
    })
  })
  expect(fetched.length).toBeGreaterThanOrEqual(3)
  expect(fetched.filter(([href]) => href.endsWith('.css')).length).toBeGreaterThanOrEqual(1)
  for (const [href, times] of fetched) expect(times, href).toBe(1)
})
