/**
 * Search: in the reader, several words find the phrase (not each word); one search box, opened
 * with / or Ctrl+K from any view (but not while typing in a field), reaches the people and
 * places, the events, the article and the cards, grouped by kind, each result opening its place.
 */
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'

const findBox = (page: Page) => page.getByRole('searchbox', { name: 'Find in the article' })
const dialog = (page: Page) => page.locator('dialog.search-dialog')
const globalBox = (page: Page) =>
  page.getByRole('searchbox', { name: 'Search the article, events, people, places and cards' })

test('the reader finds several words as a phrase, not each word', async ({ page }) => {
  await openApp(page, '#/reader')
  const marks = page.locator('article.article mark')
  await page.keyboard.press('Control+f')
  await findBox(page).fill('Alexander I')
  await expect(marks).toHaveText(['Alexander I'])
  await expect(page.getByTestId('search-count')).toHaveText('1 of 1')

  await findBox(page).fill('Mexico City')
  await expect(marks.first()).toBeVisible()
  const texts = await marks.allTextContents()
  expect(texts.length).toBeGreaterThan(0)
  expect(new Set(texts)).toEqual(new Set(['Mexico City']))

  // Words that never stand together are found near each other, and the count says so.
  await findBox(page).fill('Kollontai ambassador')
  await expect(page.getByTestId('search-count')).toContainText('words near each other')
})

test('one search box from any view reaches people, events, the article and cards', async ({
  page
}) => {
  await openApp(page, '#/reader')
  await page.locator('#reader-title').click()
  await page.keyboard.press('/')
  await expect(dialog(page)).toBeVisible()
  await expect(globalBox(page)).toBeFocused()
  await page.keyboard.type('Kollontai')
  const groups = dialog(page).locator('section.group h3')
  await expect(groups).toHaveText([
    /People, places and organisations/,
    /Events/,
    /In the article/,
    /Cards/
  ])
  await dialog(page)
    .getByRole('link', { name: /Alexandra Kollontai/ })
    .first()
    .click()
  await expect(dialog(page)).toBeHidden()
  await expect(page).toHaveURL(/#\/entity\/alexandra-kollontai$/)

  // Ctrl+K from the study view; arrows and Enter open an event on the timeline.
  await openApp(page, '#/study')
  await expect(page.getByTestId('study-card')).toBeVisible()
  await page.keyboard.press('Control+k')
  await expect(globalBox(page)).toBeFocused()
  await page.keyboard.type('Kollontai ambassador')
  const eventLink = dialog(page).locator('section.group[data-kind="event"] a.result').first()
  await expect(eventLink).toHaveAttribute('href', '#/timeline/1926-kollontai-ambassador')
  await page.keyboard.press('Escape')
  await expect(dialog(page)).toBeHidden()

  // An article result opens its paragraph, focused.
  await page.keyboard.press('Control+k')
  await page.keyboard.type('Trotsky')
  await dialog(page).locator('section.group[data-kind="article"] a.result').first().click()
  await expect(page).toHaveURL(/#\/reader\/p-/)
  await expect(page.locator('article.article [data-block]:focus')).toHaveCount(1)
})

test('/ typed in a field stays a character, and the study keys still work', async ({ page }) => {
  await openApp(page, '#/reader')
  await page.keyboard.press('Control+f')
  await page.keyboard.type('a/b')
  await expect(findBox(page)).toHaveValue('a/b')
  await expect(dialog(page)).toBeHidden()

  await openApp(page, '#/study')
  await expect(page.getByTestId('study-card')).toBeVisible()
  await page.keyboard.press('Space')
  await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible()
  await expect(dialog(page)).toBeHidden()
})
