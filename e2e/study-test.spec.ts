/**
 * A full practice test: set up (5 questions, multiple choice only), answered with no answer shown
 * until the end, then the score, each mistake with the right answer and a link to its paragraph,
 * and "study the missed cards now" opening those cards in cram mode. A test writes no review log
 * and changes no schedule unless counted; a counted test logs each answer marked `test`.
 */
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'

const SHOTS = process.env.STUDY_SHOTS

function logModes(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('mexico-russia-study')
        open.onsuccess = () => {
          const get = open.result.transaction('reviewLogs').objectStore('reviewLogs').getAll()
          get.onsuccess = () => {
            open.result.close()
            resolve((get.result as { mode: string }[]).map((l) => l.mode))
          }
        }
      })
  )
}

/** Runs a 5-question multiple-choice test, always picking the first option; returns the score. */
async function takeTest(page: Page, counted: boolean): Promise<number> {
  await page.getByLabel('5', { exact: true }).check()
  await page.getByTestId('test-kind-typed').uncheck()
  if (counted) await page.getByTestId('test-counts').check()
  await page.getByTestId('test-start').click()
  for (let i = 1; i <= 5; i++) {
    await expect(page.getByTestId('test-progress')).toHaveText(`Question ${i} of 5`)
    await expect(page.getByTestId('test-question')).toBeFocused()
    // No verdict and no answer while the test runs.
    await expect(page.getByTestId('quiz-verdict')).toHaveCount(0)
    await page.keyboard.press('1')
  }
  const score = page.getByTestId('test-score')
  await expect(score).toHaveText(/^\d of 5$/)
  return Number((await score.textContent())!.split(' ')[0])
}

test('a practice test: score, mistakes with their answer and paragraph, the missed ones studied', async ({
  page
}) => {
  test.setTimeout(90_000)
  await openApp(page, '#/study?mode=test')
  await expect(page.getByTestId('practice-test')).toBeVisible()
  const score = await takeTest(page, false)
  await expect(page.getByTestId('test-heading')).toBeFocused()
  const mistakes = page.getByTestId('test-mistakes').getByRole('listitem')
  await expect(mistakes).toHaveCount(5 - score)
  if (score < 5) {
    await expect(mistakes.first()).toContainText('the answer is')
    await expect(
      mistakes.first().getByRole('link', { name: 'Read the paragraph' })
    ).toHaveAttribute('href', /^#\/reader\/p-[^?]+\?from=study$/)
  }
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/test-results-1280.png`, fullPage: true })
  expect(await logModes(page)).toEqual([])

  if (score < 5) {
    await page.getByTestId('test-study-missed').click()
    await expect(page).toHaveURL(/#\/study\?cards=.+&cram=1&mode=flip$/)
    await expect(page.getByTestId('cram-toggle')).toBeChecked()
    await expect(page.getByTestId('study-card')).toBeVisible()
    await page.keyboard.press('Space')
    await page.keyboard.press('3')
    await expect(page.getByTestId('session-reviewed')).toHaveText('1 reviewed')
    expect(await logModes(page)).toEqual([])
  }
})

test('a practice test counted towards the schedule logs each answer as a test', async ({
  page
}) => {
  test.setTimeout(60_000)
  await openApp(page, '#/study?mode=test')
  await takeTest(page, true)
  await expect(page.getByTestId('practice-test')).toContainText('counted towards your schedule')
  expect(await logModes(page)).toEqual(['test', 'test', 'test', 'test', 'test'])
})
