/**
 * Suspended cards come back from the progress view: a card answered in Study and then suspended
 * with S is listed in Progress by its question and era; Unsuspend empties the list, moves the
 * card from Suspended back to Learning in the state counts, says so, and writes `suspended: 0`
 * to its IndexedDB row with its FSRS state untouched, which a reload and Study both confirm.
 * Several suspended cards go back with "Unsuspend all", and a card buried with B comes back with
 * Unbury. Screenshots of the panel in light and dark go to SCREENSHOT_DIR when it is set.
 */
import type { Page } from '@playwright/test'
import { expect, openApp, readStore, test } from './fixtures'

interface Row {
  id: string
  state: number
  due: number
  stability: number
  difficulty: number
  reps: number
  lapses: number
  lastReview: number | null
  suspended: number
  buriedUntil: number
  retired: number
}

const readCards = (page: Page) => readStore<Row>(page, 'cards')

const studyCard = (page: Page) => page.getByTestId('study-card')
const stateCount = (page: Page, state: string) =>
  page.getByTestId('state-counts').locator(`[data-state="${state}"] .state-count`)
const goToProgress = (page: Page) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Progress' }).click()

test('a suspended card is listed in Progress and unsuspended with its state kept', async ({
  page
}) => {
  // Answer the first card (Good: it is in learning), then suspend that very card with S.
  await openApp(page, '#/study')
  const id = (await studyCard(page).getAttribute('data-card-id'))!
  const question = (await page.getByTestId('card-question').textContent())!.trim()
  await page.keyboard.press('Space')
  await page.keyboard.press('3')
  await expect(page.getByTestId('count-learning').locator('b')).toHaveText('1')
  await openApp(page, `#/study?card=${encodeURIComponent(id)}`)
  await expect(studyCard(page)).toHaveAttribute('data-card-id', id)
  await page.keyboard.press('s')
  await expect(studyCard(page)).toHaveCount(0)

  const before = (await readCards(page)).find((r) => r.id === id)!
  expect(before).toMatchObject({ suspended: 1, state: 1, reps: 1 })

  await goToProgress(page)
  const panel = page.getByTestId('suspended-cards')
  const item = panel.getByTestId('suspended-list').locator('li')
  await expect(item).toHaveCount(1)
  await expect(item).toHaveAttribute('data-card-id', id)
  await expect(item).toContainText(question)
  await expect(item.getByRole('link', { name: 'Source paragraph' })).toHaveAttribute(
    'href',
    /^#\/reader\/p-/
  )
  // With one card there is nothing to do "all" of.
  await expect(panel.getByRole('button', { name: 'Unsuspend all' })).toHaveCount(0)
  await expect(stateCount(page, 'suspended')).toHaveText('1')
  await expect(stateCount(page, 'learning')).toHaveText('0')

  if (process.env.SCREENSHOT_DIR) {
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme)
      await panel.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/suspended-${theme}.png` })
    }
  }

  await item.getByRole('button', { name: 'Unsuspend' }).click()
  await expect(panel.getByTestId('suspended-empty')).toHaveText(
    'No suspended cards. Press S while studying to suspend one.'
  )
  await expect(page.getByText('Unsuspended 1 card')).toBeVisible()
  // The button went with its row: the focus stays in the panel, on its heading.
  await expect(panel.getByRole('heading', { name: 'Suspended cards' })).toBeFocused()
  await expect(stateCount(page, 'suspended')).toHaveText('0')
  await expect(stateCount(page, 'learning')).toHaveText('1')

  const after = (await readCards(page)).find((r) => r.id === id)!
  expect(after).toEqual({ ...before, suspended: 0 })

  await page.reload()
  await expect(page.getByTestId('suspended-empty')).toBeVisible()
  await expect(stateCount(page, 'suspended')).toHaveText('0')
  expect((await readCards(page)).find((r) => r.id === id)?.suspended).toBe(0)
  // Study draws it again: it is the only card of this link, due within the learn-ahead window.
  await openApp(page, `#/study?card=${encodeURIComponent(id)}`)
  await expect(studyCard(page)).toHaveAttribute('data-card-id', id)
})

test('several suspended cards go back at once; a buried card is unburied', async ({ page }) => {
  await openApp(page, '#/study')
  const ids: string[] = []
  for (const key of ['s', 's', 'b']) {
    const id = (await studyCard(page).getAttribute('data-card-id'))!
    ids.push(id)
    await page.keyboard.press(key)
    await expect(studyCard(page)).not.toHaveAttribute('data-card-id', id)
  }

  await goToProgress(page)
  const panel = page.getByTestId('suspended-cards')
  await expect(panel.getByTestId('suspended-list').locator('li')).toHaveCount(2)
  const buried = panel.getByTestId('buried-list').locator('li')
  await expect(buried).toHaveCount(1)
  await expect(buried).toHaveAttribute('data-card-id', ids[2]!)
  await expect(buried).toContainText('back')

  if (process.env.SCREENSHOT_DIR) {
    await panel.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/suspended-several.png` })
  }
  await panel.getByRole('button', { name: 'Unsuspend all' }).click()
  await expect(panel.getByTestId('suspended-empty')).toBeVisible()
  await expect(page.getByText('Unsuspended 2 cards')).toBeVisible()
  await buried.getByRole('button', { name: 'Unbury' }).click()
  await expect(panel.getByTestId('buried-list')).toHaveCount(0)
  await expect(page.getByText('Unburied 1 card')).toBeVisible()

  const rows = await readCards(page)
  for (const id of ids) {
    expect(rows.find((r) => r.id === id)).toMatchObject({ suspended: 0, buriedUntil: 0, state: 0 })
  }
})
