/**
 * People, places and organisations have their own page: who or what they are as the article
 * says, their events on a small timeline, the paragraphs naming them, their cards with mastery
 * and their editorial notes; the reader, the timeline's event panel and trade open it.
 */
import { expect, openApp, shownView, test } from './fixtures'

test('a person’s page gathers their events, paragraphs and cards', async ({ page }) => {
  await openApp(page, '#/reader')
  await page.locator('#r-p-soviet-era-1').getByRole('link', { name: 'Alexandra Kollontai' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alexandra Kollontai')
  await expect(page.locator('.kind')).toHaveText('Person')
  await expect(page.getByTestId('entity-role')).not.toBeEmpty()
  const events = page.locator('.mini-timeline li')
  await expect(events.first()).toBeVisible()
  await expect(page.locator('.mini-timeline')).toContainText('1926')
  await expect(
    page.locator('.mini-timeline a[href="#/timeline/1926-kollontai-ambassador"]')
  ).toBeVisible()
  const quote = page.locator('.paragraphs blockquote').first()
  await expect(quote.locator('mark')).toHaveText('Alexandra Kollontai')
  const cards = page.getByTestId('entity-cards').locator('li')
  expect(await cards.count()).toBeGreaterThan(0)
  await expect(cards.first()).toContainText('Not studied yet')
  await expect(cards.first().getByRole('link', { name: 'Study this card' })).toHaveAttribute(
    'href',
    /^#\/study\?card=/
  )
})

test('the timeline’s event panel and trade open entity pages; an unknown one says so', async ({
  page
}) => {
  await openApp(page, '#/timeline/1926-kollontai-ambassador')
  const link = page.locator('a[href="#/entity/alexandra-kollontai"]').first()
  await expect(link).toBeVisible()
  await link.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alexandra Kollontai')

  await openApp(page, '#/trade')
  const company = page.locator('a.company-name').first()
  const name = await company.textContent()
  await company.click()
  await expect(page).toHaveURL(/#\/entity\//)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name ?? '')
  await expect(page.locator('.kind')).toHaveText('Company')

  await openApp(page, '#/entity/nobody')
  await expect(page.getByRole('heading', { name: 'No such page' })).toBeVisible()
  await page.getByRole('link', { name: 'See them all' }).click()
  await expect(
    page.getByRole('heading', { name: 'People, places and organisations' })
  ).toBeVisible()
})

test('an entity page shows the editorial notes on its events', async ({ page }) => {
  await openApp(page, '#/entity/leon-trotsky')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leon Trotsky')
  await expect(page.locator('.mini-timeline li').first()).toBeVisible()
  await expect(
    shownView(page).locator('.editorial-note[data-note="note-trotsky-arrival"]')
  ).toBeVisible()
})
