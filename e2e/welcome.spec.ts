/**
 * The first launch: a short welcome says what the app holds (with real counts), offers three ways
 * to begin and says everything stays on this computer; dismissed once, it never comes back, and
 * a deep link is not interrupted. Mastery shading is off until the first review, then asks once.
 */
import { expect, openApp, readSetting, shownView, test } from './fixtures'

test('the welcome shows once, with real counts and three ways to begin', async ({ page }) => {
  await openApp(page)
  const welcome = page.getByRole('dialog', { name: 'Welcome' })
  await expect(welcome).toBeVisible()
  await expect(welcome).toContainText('24 events on a timeline')
  await expect(welcome).toContainText('9 sections')
  const cards = Number(
    (await welcome.locator('li', { hasText: 'flashcards' }).textContent())?.match(/\d+/)?.[0]
  )
  expect(cards).toBeGreaterThan(50)
  await expect(welcome).toContainText('Everything stays on this computer')
  for (const way of ['Read the article', 'Walk the timeline', 'Study 20 cards']) {
    await expect(welcome.getByRole('button', { name: new RegExp(way) })).toBeVisible()
  }
  await welcome.getByRole('button', { name: /Walk the timeline/ }).click()
  await expect(welcome).toBeHidden()
  await expect(page).toHaveURL(/#\/timeline$/)
  // Saved just after (a page closed within those milliseconds would ask again next time).
  await expect.poll(() => readSetting(page, 'welcome.seen')).toBeTruthy()

  await page.goto('about:blank')
  await page.goto('/')
  await expect(page.locator('dialog.welcome[data-decided="true"]')).toBeAttached()
  await expect(page.getByRole('dialog', { name: 'Welcome' })).toBeHidden()
})

test('Escape dismisses the welcome for good; a deep link never shows it', async ({ page }) => {
  await openApp(page, '#/about')
  await expect(page.getByRole('heading', { name: 'About this app' })).toBeVisible()
  await expect(page.locator('dialog.welcome[data-decided="true"]')).toBeAttached()
  await expect(page.getByRole('dialog', { name: 'Welcome' })).toBeHidden()
  await page.goto('/')
  const welcome = page.getByRole('dialog', { name: 'Welcome' })
  await expect(welcome).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(welcome).toBeHidden()
  await expect.poll(() => readSetting(page, 'welcome.seen')).toBeTruthy()
  await page.goto('about:blank')
  await page.goto('/')
  await expect(page.locator('dialog.welcome[data-decided="true"]')).toBeAttached()
  await expect(page.getByRole('dialog', { name: 'Welcome' })).toBeHidden()
})

test('shading is off until the first review, then the legend asks once', async ({ page }) => {
  await openApp(page, '#/reader')
  await expect(shownView(page).getByLabel('Shade by mastery')).not.toBeChecked()
  await expect(shownView(page).locator('.shaded')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Shade', exact: true })).toHaveCount(0)

  await openApp(page, '#/study')
  await page.getByRole('button', { name: /Show answer/ }).click()
  await page.getByTestId('grade-3').click()
  await expect(page.getByTestId('session-reviewed')).toHaveText('1 reviewed')

  await openApp(page, '#/reader')
  await page.getByRole('button', { name: 'No, thanks' }).click()
  await expect(page.getByRole('button', { name: 'No, thanks' })).toHaveCount(0)
  await expect(shownView(page).getByLabel('Shade by mastery')).not.toBeChecked()
  await expect.poll(() => readSetting(page, 'mastery.enabled')).toBe(false)
  await page.reload()
  await expect(page.locator('#reader-title')).toBeVisible()
  await expect(page.getByRole('button', { name: 'No, thanks' })).toHaveCount(0)
})
