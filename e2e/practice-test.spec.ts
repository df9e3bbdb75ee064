/**
 * The practice test, as a student takes it in Chromium against the real app and IndexedDB: the
 * setup (count, kinds, eras and themes, with what they allow), every kind answered (multiple
 * choice by key, typed, put in order with the arrow buttons, fill the gap) with no verdict shown
 * until the end, then the score and each mistake with the answer given, the right one and a link
 * to its paragraph; a look-up and Back keep the results; "study the missed cards now" opens them
 * in cram mode. A test stopped halfway saves nothing. An uncounted test logs every answer as a test (`scheduled: false`) and changes no
 * card; a counted one schedules the cards it asked; Progress counts the two apart. axe-core finds
 * nothing serious on the setup, a question or the results (light and dark); the results are photographed at
 * 1280×800 and 800×600 into /tmp/shots.
 */
import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, openApp, readStore, seriousViolations, test } from './fixtures'

const SHOTS = process.env.PTEST_SHOTS ?? '/tmp/shots'
interface Log {
  cardId: string
  mode: string
  rating: number
  scheduled?: boolean
}
interface Row {
  id: string
  state: number
  reps: number
}

/**
 * Answers the question on screen and returns its kind. A choice is picked by key; typed answers
 * and gaps get "no idea" (wrong); an ordering is handed in as drawn after moving one event down
 * and back with its arrow buttons (a set is never drawn in order, so it is wrong).
 */
async function answerQuestion(page: Page, n: number, total: number): Promise<string> {
  const progress = page.getByTestId('test-progress')
  await expect(progress).toContainText(`Question ${n} of ${total}`)
  const kind = ((await progress.textContent()) ?? '').split('·')[1]!.trim()
  if (kind === 'Multiple choice') {
    await expect(page.getByTestId('test-question')).toBeFocused()
    await page.keyboard.press('2')
  } else if (kind === 'Put in order') {
    const order = page.getByTestId('test-order')
    const first = order.locator('li').first()
    const title = (await first.locator('.title').textContent())!
    await first.getByRole('button', { name: /later$/ }).click()
    await expect(order.locator('li').nth(1)).toContainText(title)
    // The moved event keeps the focus, on its button that moves it the same way.
    await expect(page.getByRole('button', { name: `Move “${title}” later` })).toBeFocused()
    await page.getByRole('button', { name: `Move “${title}” earlier` }).click()
    await expect(order.locator('li').first()).toContainText(title)
    await page.getByTestId('test-order-done').click()
  } else {
    const input = page.locator('#test-answer')
    await expect(input).toBeFocused()
    if (kind === 'Fill the gap')
      await expect(page.getByTestId('test-question')).toContainText('(gap)')
    await input.fill('no idea')
    await input.press('Enter')
  }
  return kind
}

test('a full practice test: every kind, the score, the mistakes, the missed cards studied', async ({
  page
}) => {
  test.setTimeout(120_000)
  mkdirSync(SHOTS, { recursive: true })
  await page.setViewportSize({ width: 1280, height: 800 })
  await openApp(page, '#/study?mode=test')
  await expect(page.getByTestId('practice-test')).toBeVisible()
  // The study page's own buttons (undo, the reviewed count) are not part of a test.
  await expect(page.getByTestId('session-reviewed')).toBeHidden()

  // Choices that leave nothing to ask say so and cannot start.
  await page.getByTestId('test-era-early-contact').check()
  await page.getByTestId('test-theme-space').check()
  await expect(page.getByTestId('test-available')).toContainText('No question fits')
  await expect(page.getByTestId('test-start')).toBeDisabled()
  await page.getByTestId('test-theme-space').uncheck()
  await page.getByTestId('test-era-early-contact').uncheck()
  for (const kind of ['choice', 'typed', 'order', 'gap']) {
    await expect(page.getByTestId(`test-kind-${kind}`)).toBeChecked()
  }
  await page.getByLabel('5', { exact: true }).check()
  await expect(page.getByTestId('test-available')).toHaveText('5 questions.')
  expect(await seriousViolations(page)).toEqual([])
  await page.screenshot({ path: `${SHOTS}/ptest-setup-1280.png`, fullPage: true })

  await page.getByTestId('test-start').click()
  const kinds: string[] = []
  for (let n = 1; n <= 5; n++) {
    // axe on the ordering and the gap, the two kinds new to a test.
    if (n === 3 || n === 4) expect(await seriousViolations(page)).toEqual([])
    kinds.push(await answerQuestion(page, n, 5))
    // Nothing says whether the answer was right while the test runs.
    if (n < 5) {
      await expect(page.getByTestId('test-progress')).toContainText(`Question ${n + 1} of 5`)
      await expect(page.getByTestId('test-mistakes')).toHaveCount(0)
      await expect(page.getByTestId('practice-test')).not.toContainText(/correct|wrong|answer is/i)
    }
  }
  expect(kinds).toEqual([
    'Multiple choice',
    'Typed answers',
    'Put in order',
    'Fill the gap',
    'Multiple choice'
  ])

  // The score and the mistakes: at least the typed answer, the gap and the ordering.
  await expect(page.getByTestId('test-heading')).toBeFocused()
  const score = Number((await page.getByTestId('test-score').textContent())!.split(' ')[0])
  expect(score).toBeLessThanOrEqual(2)
  const mistakes = page.getByTestId('test-mistakes').locator(':scope > li')
  await expect(mistakes).toHaveCount(5 - score)
  for (const kind of ['typed', 'gap']) {
    const item = mistakes.and(page.locator(`[data-kind="${kind}"]`))
    await expect(item).toContainText('You answered no idea')
    await expect(item).toContainText('The answer')
    // A card's place in the article: a paragraph, or a figure block (a figure card's own).
    await expect(item.getByRole('link', { name: 'Read the paragraph' })).toHaveAttribute(
      'href',
      /^#\/reader\/(p|fig)-[^?]+\?from=study$/
    )
  }
  const order = mistakes.and(page.locator('[data-kind="order"]'))
  await expect(order).toContainText('Your order')
  await expect(order.getByRole('link', { name: 'Read the paragraph' }).first()).toBeVisible()
  await expect(page.getByTestId('test-counted')).toContainText('Your schedule is unchanged')

  // Every answer logged as a test that left the schedule alone; no card changed.
  const logs = await readStore<Log>(page, 'reviewLogs')
  expect(logs.length).toBeGreaterThanOrEqual(7)
  for (const log of logs) expect(log).toMatchObject({ mode: 'test', scheduled: false })
  expect(
    (await readStore<Row>(page, 'cards')).filter((r) => r.state !== 0 || r.reps !== 0)
  ).toEqual([])

  expect(await seriousViolations(page)).toEqual([])
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await seriousViolations(page)).toEqual([])
  await page.emulateMedia({ colorScheme: 'light' })
  await page.screenshot({ path: `${SHOTS}/ptest-results-1280.png`, fullPage: true })
  await page.setViewportSize({ width: 800, height: 600 })
  await page.getByTestId('test-heading').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/ptest-results-800.png` })
  await page.screenshot({ path: `${SHOTS}/ptest-results-800-full.png`, fullPage: true })
  await page.setViewportSize({ width: 1280, height: 800 })

  // A look-up from a mistake, then Back: the results are still there.
  await mistakes.first().getByRole('link', { name: 'Read the paragraph' }).first().click()
  await expect(page).toHaveURL(/#\/reader\/(p|fig)-.+\?from=study$/)
  await page.goBack()
  await expect(page.getByTestId('test-score')).toHaveText(`${score} of 5`)

  // The missed cards, studied now in cram mode: the schedule stays as it is.
  const missed = page.getByTestId('test-study-missed')
  await expect(missed).toContainText('Study the missed cards now')
  await missed.click()
  await expect(page).toHaveURL(/#\/study\?cards=.+&cram=1&mode=flip$/)
  await expect(page.getByTestId('cram-toggle')).toBeChecked()
  await expect(page.getByTestId('study-card')).toBeVisible()
  await page.keyboard.press('Space')
  await page.keyboard.press('3')
  await expect(page.getByTestId('session-reviewed')).toHaveText('1 reviewed')
  expect(await readStore<Log>(page, 'reviewLogs')).toHaveLength(logs.length)
})

test('a test stopped saves nothing; a counted one schedules its cards; Progress counts practice apart', async ({
  page
}) => {
  test.setTimeout(90_000)
  await openApp(page, '#/study?mode=test')
  // A test stopped halfway saves nothing.
  await page.getByTestId('test-start').click()
  await answerQuestion(page, 1, 10)
  await page.getByTestId('test-quit').click()
  await expect(page.getByTestId('test-heading')).toHaveText('Practice test')
  await expect(page.getByTestId('test-heading')).toBeFocused()
  expect(await readStore<Log>(page, 'reviewLogs')).toEqual([])

  const takeChoiceTest = async (counted: boolean) => {
    await page.getByLabel('5', { exact: true }).check()
    for (const kind of ['typed', 'order', 'gap'])
      await page.getByTestId(`test-kind-${kind}`).uncheck()
    await page.getByTestId('test-counts').setChecked(counted)
    await page.getByTestId('test-start').click()
    for (let n = 1; n <= 5; n++) await answerQuestion(page, n, 5)
    await expect(page.getByTestId('test-score')).toHaveText(/^\d of 5$/)
  }
  await takeChoiceTest(false)
  await page.getByTestId('test-again').click()
  await expect(page.getByTestId('test-heading')).toBeFocused()
  await takeChoiceTest(true)
  await expect(page.getByTestId('test-counted')).toContainText('counted towards your schedule')

  const logs = await readStore<Log>(page, 'reviewLogs')
  expect(logs.map((l) => l.mode)).toEqual(Array(10).fill('test'))
  const counted = logs.slice(5)
  for (const log of counted) expect(log.scheduled).toBeUndefined()
  const rows = await readStore<Row>(page, 'cards')
  const changed = rows.filter((r) => r.reps > 0).map((r) => r.id)
  expect(changed.sort()).toEqual(counted.map((l) => l.cardId).sort())

  await openApp(page, '#/progress')
  await expect(page.getByTestId('reviews-total')).toHaveText('5')
  await expect(page.getByTestId('practice-answers')).toContainText('5 practice-test answers')
})
