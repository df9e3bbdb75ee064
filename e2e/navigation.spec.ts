/**
 * Moving around: a view opens at its top the first time and where the student left it when they
 * come back; Back and Forward return to the offsets they left; a link to a place opens its view
 * at the top with the place in view; focus moves to the new view's heading on every change; and
 * a notice never hides the end of a page.
 */
import type { Page } from '@playwright/test'
import { expect, openApp, scrollY, test } from './fixtures'

/** Scrolls as a student would and waits until the window is there. */
async function scrollTo(page: Page, top: number) {
  await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), top)
  await expect.poll(() => scrollY(page)).toBe(top)
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true })

test('each view opens at its top first, where it was left after, and Back/Forward restore', async ({
  page
}) => {
  await openApp(page, '#/trade')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await scrollTo(page, 1500)

  await nav(page, 'Read').click()
  await expect(page.locator('#reader-title')).toBeFocused()
  await expect.poll(() => scrollY(page)).toBe(0)
  await scrollTo(page, 2000)

  await nav(page, 'Trade').click()
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
  await expect.poll(() => scrollY(page)).toBe(1500)

  await page.goBack()
  await expect(page.locator('#reader-title')).toBeFocused()
  await expect.poll(() => scrollY(page)).toBe(2000)
  await page.goForward()
  await expect.poll(() => scrollY(page)).toBe(1500)
  await expect(page).toHaveURL(/#\/trade$/)
})

test('a link to a place opens its view at the top, with the place in view and focused', async ({
  page
}) => {
  // The entity page's code arrives late, as on a first visit to it on a slow machine: the focus
  // waits for the page instead of falling to the empty main region.
  await page.route(/EntityPage[^/]*\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await route.continue()
  })
  await openApp(page, '#/reader')
  const link = page.locator('#r-p-soviet-era-1').getByRole('link', { name: 'Alexandra Kollontai' })
  await link.scrollIntoViewIfNeeded()
  expect(await scrollY(page)).toBeGreaterThan(300)
  await link.click()
  await expect(page).toHaveURL(/#\/entity\/alexandra-kollontai$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Alexandra Kollontai' })).toBeFocused()
  await expect.poll(() => scrollY(page)).toBe(0)

  // From the entity page back into the article: the paragraph is below the sticky bars, focused.
  await page
    .getByRole('link', { name: /Read it in/ })
    .first()
    .click()
  const paragraph = page.locator('#r-p-soviet-era-1')
  await expect(paragraph).toBeFocused()
  await expect(paragraph).toBeInViewport()
  const top = await paragraph.evaluate((el) => el.getBoundingClientRect().top)
  const bars = await page.evaluate(() =>
    Math.max(
      ...[...document.querySelectorAll('.app-header, .reader-toolbar')].map(
        (el) => el.getBoundingClientRect().bottom
      )
    )
  )
  expect(top).toBeGreaterThanOrEqual(bars)
})

test('a notice never hides the end of the page', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 })
  await openApp(page, '#/about')
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The disk is full', 'QuotaExceededError')
    }
  })
  await page.getByTestId('theme-toggle').click()
  const notice = page.locator('.notice').first()
  await expect(notice).toBeVisible()
  await page.evaluate(() =>
    window.scrollTo({ top: document.body.scrollHeight, behavior: 'instant' })
  )
  const footer = page.locator('footer.app-footer')
  await expect
    .poll(async () => {
      const f = await footer.boundingBox()
      const n = await notice.boundingBox()
      return f && n ? f.y + f.height <= n.y : false
    })
    .toBe(true)
})
