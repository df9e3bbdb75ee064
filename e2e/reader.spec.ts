/**
 * The reader: the whole article with its nine sections and a working table of contents; the text
 * verbatim with event and people links; citation markers that show their (missing) reference,
 * in a popover that stays inside the window near its bottom and right edges;
 * editorial notes beside what they correct; accent-insensitive search with highlighted, counted
 * matches and keyboard stepping; deep links to a paragraph; the reading position and the text
 * size surviving a reload; and a notice when a setting cannot be saved.
 */
import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { expect, openApp, readSetting, shownView, test } from './fixtures'

interface PackJson {
  sections: { id: string; title: string; blocks: { id: string; kind: string; text?: string }[] }[]
}
const pack = JSON.parse(
  readFileSync(new URL('../resources/packs/mexico-russia/pack.json', import.meta.url), 'utf8')
) as PackJson

/** A setting as saved in IndexedDB, read straight from the database. */
const article = (page: Page) => page.locator('article.article')
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Find in the article' })
const count = (page: Page) => page.getByTestId('search-count')

test('the article shows every section in order, with a contents list that scrolls', async ({
  page
}) => {
  await openApp(page, '#/reader')
  const headings = article(page).locator('h2.section-title')
  await expect(headings).toHaveText(pack.sections.map((s) => s.title))
  expect(pack.sections).toHaveLength(9)
  await expect(page.getByRole('search').getByTestId('mastery-legend')).toBeVisible()

  const contents = page.getByRole('navigation', { name: 'Contents' })
  const trade = article(page).getByRole('heading', { name: 'Trade', exact: true })
  await expect(trade).not.toBeInViewport()
  await contents.getByRole('link', { name: 'Trade', exact: true }).click()
  await expect(trade).toBeInViewport()
  await expect(trade).toBeFocused()
  await expect(contents.getByRole('link', { name: 'Trade', exact: true })).toHaveAttribute(
    'aria-current',
    'location'
  )
  await contents.getByRole('link', { name: 'Introduction' }).click()
  await expect(article(page).getByRole('heading', { name: 'Introduction' })).toBeInViewport()
  await expect(trade).not.toBeInViewport()
})

test('paragraphs keep the source text verbatim, link dates to the timeline and people to their page', async ({
  page
}) => {
  await openApp(page, '#/reader')
  const paragraph = page.locator('#r-p-soviet-era-1')
  // The text without the citation popovers is the source text, character for character.
  const shown = await paragraph.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    copy.querySelectorAll('[role="tooltip"]').forEach((tip) => tip.remove())
    return copy.textContent?.trim()
  })
  const source = pack.sections.flatMap((s) => s.blocks).find((b) => b.id === 'p-soviet-era-1')?.text
  expect(shown).toBe(source)
  await expect(paragraph.getByRole('link', { name: 'In 1926' })).toHaveAttribute(
    'href',
    '#/timeline/1926-kollontai-ambassador'
  )
  await expect(paragraph.getByRole('link', { name: 'Alexandra Kollontai' })).toHaveAttribute(
    'href',
    '#/entity/alexandra-kollontai'
  )
  await expect(
    page.locator('#r-p-soviet-era-2').getByRole('link', { name: 'Lázaro Cárdenas' })
  ).toHaveAttribute('href', '#/entity/lazaro-cardenas')
  // Links are told apart by kind, not by colour alone: a date's line is solid, a person's dotted.
  const style = (name: string) =>
    paragraph.getByRole('link', { name }).evaluate((el) => getComputedStyle(el).textDecorationStyle)
  expect(await style('In 1926')).toBe('solid')
  expect(await style('Alexandra Kollontai')).toBe('dotted')
  await expect(page.getByTestId('link-legend')).toContainText('people')
  // "[citation needed]" stays a visible flag.
  await expect(page.locator('#r-p-military-1 .needed')).toHaveText('[citation needed]')
})

test('a citation marker shows its reference; the missing reference list is explained once', async ({
  page
}) => {
  await openApp(page, '#/reader')
  const marker = page
    .locator('#r-p-soviet-era-1')
    .getByRole('button', { name: 'Citation 2' })
    .first()
  const tooltip = page.locator('#r-p-soviet-era-1 [role="tooltip"]').first()
  await expect(tooltip).toBeHidden()
  await marker.focus()
  await expect(tooltip).toBeVisible()
  await expect(tooltip).toContainText('Reference [2] of the source article')
  // The note about the lost reference list stands once, at the head of the article.
  await expect(tooltip.locator('.editorial-note')).toHaveCount(0)
  const referencesNote = shownView(page).locator(
    '.editorial-note[data-note="note-references-missing"]'
  )
  await expect(referencesNote).toHaveCount(1)
  await expect(referencesNote).toContainText('reference list is missing')
  await expect(page.locator('.article-head')).toContainText('reference list is missing')
  await page.keyboard.press('Escape')
  await expect(tooltip).toBeHidden()
  await marker.blur()
  await marker.hover()
  await expect(tooltip).toBeVisible()
})

/** The box of an element and the window's size, to check the element is fully on screen. */
async function insideWindow(page: Page, selector: Locator) {
  const box = await selector.boundingBox()
  const size = page.viewportSize()
  if (!box || !size) throw new Error('no box or no viewport')
  return {
    box,
    inside:
      box.x >= 0 &&
      box.y >= 0 &&
      box.x + box.width <= size.width &&
      box.y + box.height <= size.height
  }
}

test('a citation popover near the bottom or right edge opens fully inside the window', async ({
  page
}) => {
  await openApp(page, '#/reader')
  const marker = page
    .locator('#r-p-soviet-era-1')
    .getByRole('button', { name: 'Citation 2' })
    .first()
  const tooltip = page.locator('#r-p-soviet-era-1 [role="tooltip"]').first()
  // Scroll so the marker sits just above the bottom edge of the window.
  await marker.evaluate((el) => {
    const rect = el.getBoundingClientRect()
    window.scrollBy({ top: rect.bottom - (window.innerHeight - 12), behavior: 'instant' })
  })
  const markerBox = await marker.boundingBox()
  expect(markerBox?.y).toBeGreaterThan(860 - 60)
  await marker.focus()
  await expect(tooltip).toBeVisible()
  const bottom = await insideWindow(page, tooltip)
  expect(bottom.inside, JSON.stringify(bottom.box)).toBe(true)
  // It opens above the marker, not over it.
  expect(bottom.box.y + bottom.box.height).toBeLessThanOrEqual(markerBox?.y ?? 0)
  await page.screenshot({ path: '/tmp/reader-shots/citation-near-bottom.png' })
  await marker.blur()
  await expect(tooltip).toBeHidden()

  // In a narrow window, the marker furthest to the right opens its popover within the window.
  await page.setViewportSize({ width: 520, height: 860 })
  const markers = page.locator('article.article .cite-marker')
  const rights = await markers.evaluateAll((els) =>
    els.map((el) => el.getBoundingClientRect().right)
  )
  const rightmost = rights.indexOf(Math.max(...rights))
  expect(Math.max(...rights)).toBeGreaterThan(520 - 120)
  const edge = markers.nth(rightmost)
  await edge.scrollIntoViewIfNeeded()
  await edge.evaluate((el) => {
    const rect = el.getBoundingClientRect()
    window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' })
  })
  await edge.focus()
  const edgeTip = page.locator('.cite-pop.open')
  await expect(edgeTip).toHaveCount(1)
  const right = await insideWindow(page, edgeTip)
  expect(right.inside, JSON.stringify(right.box)).toBe(true)
})

test('editorial notes stand beside the trade total and the empty State visits tables', async ({
  page
}) => {
  await openApp(page, '#/reader')
  const trade = page.locator('section[data-section="trade"]')
  const tradeNote = trade.locator('.editorial-note[data-note="note-trade-total-billion"]')
  await tradeNote.scrollIntoViewIfNeeded()
  await expect(tradeNote).toBeVisible()
  await expect(tradeNote).toContainText('US$1.784 billion')
  await expect(tradeNote).toContainText('$1,784 billion USD')

  const visits = page.locator('section[data-section="state-visits"]')
  await visits.scrollIntoViewIfNeeded()
  await expect(visits.locator('.empty-block')).toHaveCount(2)
  await expect(visits.locator('.empty-block').first()).toContainText(
    'Presidential visits from Mexico to the USSR / Russia'
  )
  const visitsNote = visits.locator('.editorial-note[data-note="note-state-visits-empty"]')
  await expect(visitsNote).toHaveCount(1)
  await expect(visitsNote).toBeVisible()
  await expect(visitsNote).toContainText('tables are empty in the source text')

  // The figure caption says its photo is not part of the source; the licence closes the article.
  await expect(shownView(page).locator('figure figcaption')).toContainText('Vladimir Putin')
  await expect(shownView(page).locator('figure')).toContainText('not part of the source')
  const licence = page.locator('section.licence')
  await expect(licence).toContainText('Infogalactic')
  await expect(licence.getByRole('link', { name: 'CC BY-SA 3.0' })).toHaveAttribute(
    'href',
    'https://creativecommons.org/licenses/by-sa/3.0/'
  )
})

test('search ignores accents and case, highlights and counts matches, and steps through them', async ({
  page
}) => {
  await openApp(page, '#/reader')
  await page.keyboard.press('Control+f')
  await expect(searchBox(page)).toBeFocused()

  await page.keyboard.type('kollontai')
  const marks = article(page).locator('mark')
  await expect(marks).toHaveText(['Kollontai'])
  await expect(marks.first()).toBeInViewport()
  await expect(count(page)).toHaveText('1 of 1')

  await searchBox(page).fill('Lazaro')
  await expect(marks).toHaveText(['Lázaro'])
  await expect(marks.first()).toBeInViewport()
  await expect(count(page)).toHaveText('1 of 1')
  await searchBox(page).fill('Lazaro Cardenas')
  await expect(marks).toHaveText(['Lázaro Cárdenas'])

  await searchBox(page).fill('ussr')
  const total = await marks.count()
  expect(total).toBeGreaterThan(3)
  await expect(count(page)).toHaveText(`1 of ${total}`)
  const current = article(page).locator('mark.current')
  await expect(current).toHaveAttribute('data-match', '0')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await expect(count(page)).toHaveText(`4 of ${total}`)
  await expect(current).toHaveAttribute('data-match', '3')
  await expect(current).toBeInViewport()
  await page.keyboard.press('Shift+Enter')
  await expect(count(page)).toHaveText(`3 of ${total}`)
  await page.keyboard.press('Escape')
  await expect(searchBox(page)).toHaveValue('')
  await expect(marks).toHaveCount(0)
  await expect(count(page)).toHaveText('')

  // Ctrl+F focuses the search box from anywhere in the page.
  await article(page).locator('h1').click()
  await expect(searchBox(page)).not.toBeFocused()
  await page.keyboard.press('Control+f')
  await expect(searchBox(page)).toBeFocused()
  await page.keyboard.type('qqzzxx')
  await expect(count(page)).toHaveText('No matches')
})

test('a deep link opens the reader at its paragraph, focused and highlighted', async ({ page }) => {
  await openApp(page, '#/reader/p-trade-1')
  const paragraph = page.locator('#r-p-trade-1')
  await expect(paragraph).toBeInViewport()
  await expect(paragraph).toBeFocused()
  await expect(paragraph).toHaveClass(/\bflash\b/)
  // The first heading is far above, out of view.
  await expect(article(page).getByRole('heading', { name: 'Introduction' })).not.toBeInViewport()

  // From another view, and from within the reader, a link to a paragraph goes there too.
  await page.goto('/#/about')
  await expect(article(page)).toBeHidden()
  await page.evaluate(() => (location.hash = '#/reader/p-soviet-era-2'))
  await expect(page.locator('#r-p-soviet-era-2')).toBeFocused()
  await expect(page.locator('#r-p-soviet-era-2')).toBeInViewport()
  await page.evaluate(() => (location.hash = '#/reader/p-introduction-1'))
  await expect(page.locator('#r-p-introduction-1')).toBeFocused()
  await expect(page.locator('#r-p-introduction-1')).toBeInViewport()
  await expect(page.locator('#r-p-soviet-era-2')).not.toHaveClass(/\bflash\b/)
})

test('the reading position survives a restart', async ({ page }) => {
  await openApp(page, '#/reader')
  await page
    .getByRole('navigation', { name: 'Contents' })
    .getByRole('link', { name: 'Trade', exact: true })
    .click()
  await expect
    .poll(
      async () =>
        ((await readSetting(page, 'reader.position')) as { sectionId?: string })?.sectionId
    )
    .toBe('trade')
  // A fresh start, not a reload: the browser's own scroll restoration must not do the work.
  await page.goto('about:blank')
  await openApp(page, '#/reader')
  await expect(page.locator('#r-p-trade-1')).toBeInViewport()
  await expect(article(page).getByRole('heading', { name: 'Introduction' })).not.toBeInViewport()
})

test('the text size setting persists', async ({ page }) => {
  await openApp(page, '#/reader')
  const paragraph = page.locator('#r-p-introduction-1')
  const sizeOf = () => paragraph.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  const medium = await sizeOf()
  const large = page.getByRole('button', { name: 'large text' })
  await expect(page.getByRole('button', { name: 'medium text' })).toHaveAttribute(
    'aria-pressed',
    'true'
  )
  await large.click()
  await expect(large).toHaveAttribute('aria-pressed', 'true')
  expect(await sizeOf()).toBeGreaterThan(medium)
  await expect.poll(() => readSetting(page, 'reader.fontSize')).toBe('large')
  await page.reload()
  await expect(page.getByRole('button', { name: 'large text' })).toHaveAttribute(
    'aria-pressed',
    'true'
  )
  expect(await sizeOf()).toBeGreaterThan(medium)
})

test('a setting that cannot be saved is reported, not lost silently', async ({ page }) => {
  await openApp(page, '#/reader')
  // The disk fills up: every write to IndexedDB now fails as a full disk would.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The disk is full', 'QuotaExceededError')
    }
  })
  await page.getByRole('button', { name: 'small text' }).click()
  await expect(page.getByText('Your disk is full')).toBeVisible()
})
