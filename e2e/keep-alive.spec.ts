/**
 * Views kept drawn while hidden: going reader → timeline → reader finds the reader at its exact
 * offset without building the article again (a mark set on a paragraph survives); a hidden view
 * takes no keys (the timeline's Escape, the reader's Ctrl+F; the study view, not kept, grades
 * nothing once left) and the reader saves no reading position while another view scrolls; focus
 * lands on the shown view's heading; the views not visited yet are drawn ahead, hidden, and shown
 * as they are on a first visit; the hidden views are out of the accessibility tree, the tab
 * order and find in page; and axe-core finds no serious violation with every view drawn.
 */
import type { Page } from '@playwright/test'
import {
  expect,
  openApp,
  readSetting,
  readStore,
  scrollY,
  seriousViolations,
  test
} from './fixtures'

/** A link of the app's header: the views' navigation, and About. */
const nav = (page: Page, name: string) =>
  page.locator('header.app-header').getByRole('link', { name, exact: true })

/** The element of a view the shell keeps, shown or hidden. */
const view = (page: Page, id: string) => page.locator(`main > [data-view="${id}"]`)

/**
 * Opens a view from the navigation and waits until it is the one shown, and two frames more: a
 * page drawn ahead while hidden has its sections (`content-visibility: auto`) sized in its first
 * frames on screen, and the browser's scroll anchoring would move an offset set before that.
 */
async function open(page: Page, name: string, id: string) {
  await nav(page, name).click()
  await expect(view(page, id)).not.toHaveAttribute('aria-hidden', 'true')
  await expect(view(page, id)).toBeVisible()
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
  )
}

test('the reader comes back at its exact offset, not built again', async ({ page }) => {
  await openApp(page, '#/reader')
  await expect(page.locator('#reader-title')).toBeVisible()
  await page.evaluate(() => window.scrollTo({ top: 2400, behavior: 'instant' }))
  await expect.poll(() => scrollY(page)).toBe(2400)
  // A mark on a paragraph element: a rebuilt article would have a new element without it.
  await page.locator('#r-p-trade-1').evaluate((el) => ((el as HTMLElement).dataset.kept = 'yes'))

  await open(page, 'Timeline', 'timeline')
  await expect(view(page, 'reader')).toHaveAttribute('aria-hidden', 'true')
  await expect(page.locator('#r-p-trade-1')).toBeHidden()

  await open(page, 'Read', 'reader')
  await expect(page.locator('#reader-title')).toBeFocused()
  await expect.poll(() => scrollY(page)).toBe(2400)
  await expect(page.locator('#r-p-trade-1')).toHaveAttribute('data-kept', 'yes')
  await expect(view(page, 'timeline')).toHaveAttribute('aria-hidden', 'true')
})

test('the views not visited yet are drawn ahead, hidden, and a first visit shows that page', async ({
  page
}) => {
  await openApp(page, '#/about')
  // Once the app is idle, the kept views are drawn one after another, each hidden.
  for (const id of ['reader', 'timeline', 'trade']) {
    await expect(view(page, id)).toHaveAttribute('aria-hidden', 'true')
    await expect(view(page, id)).toBeHidden()
  }
  await expect(page.locator('#r-p-trade-1')).toBeAttached()
  await expect(page.locator('#r-p-trade-1')).toBeHidden()
  // Not in the accessibility tree while hidden: one heading in all, About's.
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  await page.locator('#r-p-trade-1').evaluate((el) => ((el as HTMLElement).dataset.kept = 'yes'))

  await open(page, 'Read', 'reader')
  await expect(page.locator('#reader-title')).toBeFocused()
  // The page drawn ahead is the one shown: not built again on the visit.
  await expect(page.locator('#r-p-trade-1')).toHaveAttribute('data-kept', 'yes')
  await expect.poll(() => scrollY(page)).toBe(0)
})

test('a hidden view takes no keys: no grade, no Escape, no Ctrl+F, no saved position', async ({
  page
}) => {
  // The study view with an answer shown: 3 would grade it Good, U undo, 1 grade it Again.
  await openApp(page, '#/study')
  await page.getByRole('button', { name: /Show answer/ }).click()
  await expect(page.getByTestId('card-answer')).toBeVisible()

  // The timeline with an event open: Escape there would close it (and change the route).
  await page.evaluate(() => (location.hash = '#/timeline/1978-lopez-portillo-tlatelolco'))
  await expect(page.getByTestId('event-panel')).toBeVisible()

  // The reader, scrolled and left: its saved position is where it was left.
  await open(page, 'Read', 'reader')
  await page.evaluate(() => window.scrollTo({ top: 1800, behavior: 'instant' }))
  await expect.poll(() => scrollY(page)).toBe(1800)
  await expect.poll(() => readSetting(page, 'reader.position')).toBeTruthy()
  const position = await readSetting(page, 'reader.position')

  // On the About page, every other view hidden: their keys do nothing.
  await open(page, 'About', 'about')
  await page.locator('main h1').filter({ visible: true }).click()
  for (const key of ['3', '1', 'u', 'Escape', 'Space']) await page.keyboard.press(key)
  expect(await page.evaluate(() => location.hash)).toBe('#/about')
  // Ctrl+F is the browser's own here: the hidden reader does not take it for its search box.
  const taken = await page.evaluate(() => {
    const event = new KeyboardEvent('keydown', {
      key: 'f',
      ctrlKey: true,
      bubbles: true,
      cancelable: true
    })
    document.body.dispatchEvent(event)
    return event.defaultPrevented
  })
  expect(taken).toBe(false)
  // Scrolling this page moves no saved reading position, even after the reader's save delay.
  await page.setViewportSize({ width: 800, height: 400 })
  const offsets = new Set<number>()
  for (const top of [300, 0, 200]) {
    await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), top)
    offsets.add(await scrollY(page))
  }
  expect(offsets.size).toBeGreaterThan(1)
  await page.waitForTimeout(1200)
  expect(await readSetting(page, 'reader.position')).toEqual(position)
  expect(await readStore(page, 'reviewLogs')).toEqual([])

  // Back in the study view (drawn again: it is not kept), nothing was graded.
  await open(page, 'Study', 'study')
  await expect(page.getByTestId('count-new').locator('b')).toHaveText('20')
  await expect(page.getByTestId('count-learning').locator('b')).toHaveText('0')
})

test('focus lands on the shown view heading; hidden views are out of reach', async ({ page }) => {
  await openApp(page, '#/reader')
  await open(page, 'Timeline', 'timeline')
  await open(page, 'Trade', 'trade')
  await expect(page.locator('#trade-title')).toBeFocused()
  await open(page, 'Read', 'reader')
  await expect(page.locator('#reader-title')).toBeFocused()
  await open(page, 'Trade', 'trade')
  await expect(page.locator('#trade-title')).toBeFocused()

  // One level-one heading in the accessibility tree: the shown view's.
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Trade between Mexico/)

  // Tab walks the page without ever entering a hidden view.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    const inHidden = await page.evaluate(
      () => document.activeElement?.closest('[aria-hidden="true"]') !== null
    )
    expect(inHidden).toBe(false)
  }

  // Find in page does not find the hidden reader's text, and finds it once it is shown.
  const phrase = await page
    .locator('#r-p-soviet-era-2')
    .evaluate((el) => el.textContent!.slice(0, 40))
  const find = (text: string) =>
    page.evaluate((t) => {
      getSelection()?.removeAllRanges()
      return (window as unknown as { find: (s: string) => boolean }).find(t)
    }, text)
  expect(await find(phrase)).toBe(false)
  await open(page, 'Read', 'reader')
  expect(await find(phrase)).toBe(true)
})

test('axe-core finds no serious violation with every view drawn and hidden', async ({ page }) => {
  await openApp(page, '#/reader')
  for (const [name, id] of [
    ['Timeline', 'timeline'],
    ['Trade', 'trade'],
    ['Study', 'study'],
    ['Progress', 'progress'],
    ['About', 'about'],
    ['Read', 'reader']
  ] as const) {
    await open(page, name, id)
  }
  // Kept hidden: the timeline, trade and about (study and progress are drawn again each visit).
  await expect(page.locator('main > [data-view][aria-hidden="true"]')).toHaveCount(3)
  expect(await seriousViolations(page)).toEqual([])
})
