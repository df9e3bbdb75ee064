/**
 * The timeline: events from the pack are labelled on the axis ("Fort Ross", "Kollontai"); zooming
 * in makes the ticks finer; the arrow keys move focus to the next event by date; a deep link opens
 * an event's panel with its source paragraph, whose link opens the reader at that paragraph; a
 * theme filter (kept in the URL) hides the other events; Esc closes the panel keeping the filters;
 * the list view lists every event grouped by era. Panning the focused event out of view keeps
 * focus in the axis and every key working; zoom steps close on the selected event, and a window
 * or a filter with no events says so in the chart; a link to an unknown event says so; at the
 * default size every event gets a label and a "+N" badge names its events; on a narrow window
 * the panel goes below the chart. List buttons are named by what they show. After a drag on the
 * axis the keys still open an event; in a small window the wheel scrolls the page and Ctrl+wheel
 * zooms; a deep link focuses the event's panel below the sticky header; a new profile opening a
 * link to the timeline sees the axis before the database exists, and the learned Ctrl+wheel is
 * saved once it does. axe-core finds no serious or critical violation on the axis, the list and
 * the event panel, in light and dark. No request leaves loopback.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'
import { expect, openApp, readSetting, test } from './fixtures'

// Injected over the devtools protocol: the app's CSP refuses script tags.
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8'
)

/**
 * The serious and critical axe-core violations in the timeline page (the shell around it has its
 * own check), one line each with its elements.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe
    const { violations } = await axe.run('.timeline-page', { resultTypes: ['violations'] })
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}

const axis = (page: import('@playwright/test').Page) => page.getByTestId('timeline-axis')

/** Holds back the database's opening (its settings code is not served); call the result to let it go. */
async function holdDatabaseBack(page: Page): Promise<() => void> {
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/settings-[^/]+\.js$/, async (route) => {
    await released
    await route.continue()
  })
  return release
}

test('the axis labels the events and zooming in makes the ticks finer', async ({ page }) => {
  await openApp(page, '#/timeline')
  await expect(axis(page)).toHaveAttribute('data-drawn', 'true')
  await expect(
    axis(page).getByRole('button', { name: 'Fort Ross established, 1812' })
  ).toBeVisible()
  await expect(
    axis(page).getByRole('button', { name: 'Kollontai appointed ambassador, 1926' })
  ).toBeVisible()

  const order = ['century', 'decade', 'year', 'month']
  const before = (await axis(page).getAttribute('data-tick-unit')) ?? ''
  expect(order).toContain(before)
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click()
  await axis(page).focus()
  for (let i = 0; i < 5; i++) await page.keyboard.press('+')
  await expect
    .poll(async () => order.indexOf((await axis(page).getAttribute('data-tick-unit')) ?? ''))
    .toBeGreaterThan(order.indexOf(before))
  // Zoom to fit brings every event back.
  await page.getByRole('button', { name: 'Zoom to fit' }).click()
  await expect(
    axis(page).getByRole('button', { name: 'Fort Ross established, 1812' })
  ).toBeVisible()
  await expect(axis(page)).toHaveAttribute('data-tick-unit', before)
})

test('the arrow keys move focus between events in date order', async ({ page }) => {
  await openApp(page, '#/timeline')
  const fortRoss = axis(page).getByRole('button', { name: 'Fort Ross established, 1812' })
  await fortRoss.focus()
  await page.keyboard.press('ArrowRight')
  await expect(
    axis(page).getByRole('button', {
      name: 'Diplomatic relations established with the Russian Empire, 1 December 1890'
    })
  ).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(fortRoss).toBeFocused()
  await page.keyboard.press('End')
  await expect(page.locator(':focus')).toHaveAttribute('data-event-id', /^2014-/)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/timeline\/2014-/)
  await expect(page.getByTestId('event-panel')).toBeVisible()
})

test('a deep link opens the event panel, and its paragraph link opens the reader', async ({
  page
}) => {
  await openApp(page, '#/timeline/1978-lopez-portillo-tlatelolco')
  const panel = page.getByTestId('event-panel')
  await expect(panel.getByRole('heading', { name: /López Portillo visit/ })).toBeVisible()
  await expect(panel.getByTestId('event-date')).toHaveText('In 1978')
  await expect(panel.locator('blockquote')).toContainText('Treaty of Tlatelolco')
  await expect(panel.getByTestId('event-note')).toContainText('Additional Protocol II')
  await expect(panel.getByRole('link', { name: 'José López Portillo' })).toBeVisible()
  // The selected event is marked on the axis.
  await expect(
    axis(page).locator('[data-event-id="1978-lopez-portillo-tlatelolco"]')
  ).toHaveAttribute('aria-current', 'true')
  // Next goes to the following event by date.
  await panel.getByRole('button', { name: /→$/ }).click()
  await expect(page).toHaveURL(/#\/timeline\/1991-russian-federation$/)
  await page.getByTestId('read-in-article').click()
  await expect(page).toHaveURL(/#\/reader\/p-/)
})

test('a theme filter hides the other events and lives in the URL; Esc keeps it', async ({
  page
}) => {
  await openApp(page, '#/timeline')
  await page.getByLabel('Theme', { exact: true }).selectOption('space')
  await expect(page).toHaveURL(/#\/timeline\?theme=space$/)
  await expect(page.getByTestId('timeline-count')).toHaveText('2 of 24 events')
  const labels = axis(page).locator('[data-event-id]')
  await expect(labels).toHaveCount(2)
  await expect(labels.first()).toHaveAccessibleName(/Russia launches a Mexican satellite/)
  await expect(axis(page).getByRole('button', { name: /Fort Ross/ })).toHaveCount(0)
  await expect(page.getByTestId('timeline-status')).toHaveText('2 of 24 events shown.')

  await labels.first().click()
  await expect(page).toHaveURL(/#\/timeline\/2001-satellite-launch\?theme=space$/)
  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/#\/timeline\?theme=space$/)
  await expect(page.getByTestId('event-panel')).toHaveCount(0)

  // A bookmarked filter opens as it was.
  await openApp(page, '#/timeline?entity=leon-trotsky&view=list')
  await expect(page.getByTestId('timeline-list').locator('[data-event-id]')).toHaveCount(2)
  await expect(page.getByLabel('Person, place or organisation', { exact: true })).toHaveValue(
    'leon-trotsky'
  )
})

test('the list view lists every event, grouped by era, and is keyboard-operable', async ({
  page
}) => {
  await openApp(page, '#/timeline')
  await page.getByRole('button', { name: 'List', exact: true }).click()
  await expect(page).toHaveURL(/view=list/)
  const list = page.getByTestId('timeline-list')
  await expect(list.locator('[data-event-id]')).toHaveCount(24)
  const eras = await list
    .locator('section[data-era]')
    .evaluateAll((sections) => sections.map((s) => s.getAttribute('data-era')))
  expect(eras).toEqual([
    'early-contact',
    'imperial-russia',
    'revolutions',
    'soviet-union',
    'russian-federation'
  ])
  const soviet = list.locator('section[data-era="soviet-union"]')
  // Each button's name starts with what it shows, the date then the title (WCAG 2.5.3).
  await expect(
    soviet.getByRole('button', { name: '1926, Kollontai appointed ambassador', exact: true })
  ).toBeVisible()
  const fortRoss = list.getByRole('button', { name: '1812, Fort Ross established', exact: true })
  await expect(fortRoss).toHaveText('1812 Fort Ross established')
  await fortRoss.focus()
  await page.keyboard.press('ArrowDown')
  await expect(
    list.getByRole('button', { name: /^1 December 1890, Diplomatic relations established/ })
  ).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/timeline\/1890-relations-established\?view=list$/)
  await expect(page.getByTestId('event-panel')).toContainText('1 December 1890')
})

test('panning the focused event out of view keeps focus in the axis and the keys working', async ({
  page
}) => {
  await openApp(page, '#/timeline')
  const fortRoss = axis(page).getByRole('button', { name: 'Fort Ross established, 1812' })
  await fortRoss.focus()
  // Zoom steps close on the focused event: it stays in view and keeps focus.
  for (let i = 0; i < 5; i++) await page.keyboard.press('+')
  await expect(axis(page)).toHaveAttribute('data-tick-unit', 'year')
  await expect(fortRoss).toBeFocused()
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('PageDown')
  await expect(fortRoss).toHaveCount(0)
  const focusInAxis = () =>
    page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="timeline-axis"]')))
  await expect.poll(focusInAxis).toBe(true)
  // The keys still act: "+" zooms in, "0" fits all again, an arrow focuses an event in view.
  const end = await axis(page).getAttribute('data-window-end')
  await page.keyboard.press('+')
  await expect(axis(page)).not.toHaveAttribute('data-window-end', end ?? '')
  await page.keyboard.press('0')
  await expect(axis(page)).toHaveAttribute('data-tick-unit', 'decade')
  await expect(fortRoss).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expect(page.locator(':focus')).toHaveAttribute('data-event-id', /.+/)
  expect(await focusInAxis()).toBe(true)
})

test('a window with no events says so; zooming closes on the selected event', async ({ page }) => {
  // With nothing focused or selected, zooming in closes on the centre, between the two events.
  await openApp(page, '#/timeline?theme=space')
  await expect(axis(page).locator('[data-event-id]')).toHaveCount(2)
  await axis(page).focus()
  for (let i = 0; i < 6; i++) await page.keyboard.press('+')
  const notice = axis(page).getByTestId('timeline-notice')
  await expect(notice).toContainText(/No events between \w+ 20\d\d and \w+ 20\d\d — press 0/)
  await expect(axis(page).locator('[data-event-id]')).toHaveCount(0)
  await page.keyboard.press('0')
  await expect(notice).toHaveCount(0)
  await expect(axis(page).locator('[data-event-id]')).toHaveCount(2)

  // With an event selected, the zoom buttons close on it instead.
  await axis(page).locator('[data-event-id="2001-satellite-launch"]').click()
  await expect(page).toHaveURL(/#\/timeline\/2001-satellite-launch\?theme=space$/)
  const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true })
  for (let i = 0; i < 6; i++) await zoomIn.click()
  await expect(axis(page)).toHaveAttribute('data-tick-unit', 'month')
  await expect(axis(page).locator('[data-event-id="2001-satellite-launch"]')).toBeVisible()
  await expect(notice).toHaveCount(0)
})

test('filters that match nothing say so inside the chart, with a way back', async ({ page }) => {
  await openApp(page, '#/timeline?q=zzzz')
  const notice = axis(page).getByTestId('timeline-notice')
  await expect(notice).toContainText('No events match these filters.')
  await notice.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page).toHaveURL(/#\/timeline$/)
  await expect(page.getByTestId('timeline-count')).toHaveText(/^24 events/)
  await expect(notice).toHaveCount(0)
})

test('a link to an unknown event says so, with a link to the full timeline', async ({ page }) => {
  await openApp(page, '#/timeline/nonexistent?theme=space')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('No event called “nonexistent” in this article.')
  await expect(page.getByTestId('event-panel')).toHaveCount(0)
  await alert.getByRole('link', { name: 'Show the full timeline' }).click()
  await expect(page).toHaveURL(/#\/timeline\?theme=space$/)
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('every event gets a label at the default size; a "+N" badge names its events', async ({
  page
}) => {
  await openApp(page, '#/timeline')
  await expect(axis(page)).toHaveAttribute('data-drawn', 'true')
  await expect(
    axis(page).getByRole('button', {
      name: '90 years of relations with the USSR celebrated, August 2014'
    })
  ).toBeVisible()
  await expect(axis(page).locator('[data-event-id]')).toHaveCount(24)

  // With the panel open the chart is narrower and some events fold into badges.
  await openApp(page, '#/timeline/1978-lopez-portillo-tlatelolco')
  const badges = axis(page).locator('button.cluster')
  await expect(badges.first()).toBeVisible()
  const labelled = await axis(page)
    .locator('[data-event-id]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))
  const said = await badges.evaluateAll((els) =>
    els.map((el) => el.getAttribute('aria-label') ?? '')
  )
  let named = 0
  for (const text of said) {
    const match = /^(\d+) more events?, [^:]+: (.+)\. Click to zoom in\.$/.exec(text)
    expect(match, text).not.toBeNull()
    const names = (match?.[2] ?? '').split('; ')
    expect(names).toHaveLength(Number(match?.[1]))
    for (const name of names) expect(labelled).not.toContain(name)
    named += names.length
  }
  expect(labelled.length + named).toBe(24)
})

test('on a narrow window the event panel goes below the chart, at full width', async ({ page }) => {
  await page.setViewportSize({ width: 760, height: 700 })
  await openApp(page, '#/timeline/1978-lopez-portillo-tlatelolco')
  const panel = page.getByTestId('event-panel')
  await expect(panel).toBeVisible()
  const chart = await axis(page).boundingBox()
  const box = await panel.boundingBox()
  expect(chart && box).toBeTruthy()
  if (!chart || !box) return
  expect(chart.width).toBeGreaterThan(650)
  expect(box.y).toBeGreaterThanOrEqual(chart.y + chart.height)
  expect(box.width).toBeGreaterThan(650)

  await page.setViewportSize({ width: 1280, height: 860 })
  await expect.poll(async () => (await panel.boundingBox())?.x ?? 0).toBeGreaterThan(chart.x + 700)
})

test('after a drag on the axis the keys still open an event; a drag on a label opens nothing', async ({
  page
}) => {
  await openApp(page, '#/timeline')
  await expect(axis(page)).toHaveAttribute('data-drawn', 'true')
  const box = await axis(page).boundingBox()
  if (!box) throw new Error('no axis')
  // Zoom in one step so there is room to pan, then drag on the tick row (no label there).
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click()
  const start = await axis(page).getAttribute('data-window-start')
  await page.mouse.move(box.x + 600, box.y + 66)
  await page.mouse.down()
  await page.mouse.move(box.x + 450, box.y + 66, { steps: 6 })
  await page.mouse.up()
  await expect(axis(page)).not.toHaveAttribute('data-window-start', start ?? '')
  await expect(axis(page)).toBeFocused()
  // Each key's move lands a frame later, and on a busy machine frames come late: each key is
  // pressed once the last one has moved the focus (a focus that stayed put for two polls was once
  // taken for the last, with four arrows still to land).
  const focusedId = () =>
    page.evaluate(() => document.activeElement?.getAttribute('data-event-id') ?? null)
  await page.keyboard.press('Home')
  await expect.poll(focusedId).not.toBeNull()
  let id = await focusedId()
  for (let i = 0; i < 5; i++) {
    const before = id
    await page.keyboard.press('ArrowRight')
    await expect.poll(focusedId).not.toBe(before)
    id = await focusedId()
  }
  await expect(page.locator(':focus')).toHaveAttribute('data-event-id', id ?? '')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/timeline/${id}$`))
  await expect(page.getByTestId('event-panel')).toBeVisible()

  // A drag that starts and ends on a label pans, and does not open the event.
  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/#\/timeline$/)
  const label = axis(page).locator(`[data-event-id="${id}"]`)
  const at = await label.boundingBox()
  if (!at) throw new Error('no label')
  await page.mouse.move(at.x + 5, at.y + at.height / 2)
  await page.mouse.down()
  await page.mouse.move(at.x + 60, at.y + at.height / 2, { steps: 6 })
  await page.mouse.move(at.x + 5, at.y + at.height / 2, { steps: 6 })
  await page.mouse.up()
  await expect(page).toHaveURL(/#\/timeline$/)
  await expect(page.getByTestId('event-panel')).toHaveCount(0)
})

test('in a small window the chart fits below the header; the wheel scrolls the page and Ctrl+wheel zooms', async ({
  page
}) => {
  await page.setViewportSize({ width: 800, height: 600 })
  await openApp(page, '#/timeline')
  await expect(axis(page)).toHaveAttribute('data-drawn', 'true')
  const header = await page.locator('.app-header').boundingBox()
  let box = await axis(page).boundingBox()
  if (!box || !header) throw new Error('no axis')
  // A plain wheel over the axis scrolls the page, leaves the window alone, and says how to zoom.
  const end = await axis(page).getAttribute('data-window-end')
  await page.mouse.move(box.x + box.width / 2, Math.min(box.y + 40, 590))
  await page.mouse.wheel(0, 400)
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(100)
  await expect(axis(page)).toHaveAttribute('data-window-end', end ?? '')
  await expect(page.getByTestId('timeline-zoom-hint')).toBeVisible()
  await expect(page.getByTestId('timeline-zoom-hint')).toContainText('scroll to zoom')
  // Scrolled to, the whole chart and its toolbar are in view below the sticky header.
  await page.getByTestId('timeline-range').evaluate((el) => {
    const top = el.getBoundingClientRect().top + scrollY
    scrollTo(0, top - (document.querySelector('.app-header')?.clientHeight ?? 0) - 8)
  })
  box = await axis(page).boundingBox()
  if (!box) throw new Error('no axis')
  expect(box.height).toBeGreaterThanOrEqual(270)
  expect(box.y + box.height).toBeLessThanOrEqual(600)
  // Ctrl+wheel zooms in around the pointer, and the hint goes.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.keyboard.down('Control')
  await page.mouse.wheel(0, -100)
  await page.keyboard.up('Control')
  await expect(axis(page)).not.toHaveAttribute('data-window-end', end ?? '')
  await expect(page.getByTestId('timeline-zoom-hint')).toHaveCount(0)
})

test('a deep link moves focus to the event panel, its first line below the sticky header', async ({
  page
}) => {
  // Two pages, each starting the app: more than the default time on a loaded machine.
  test.setTimeout(90_000)
  for (const size of [
    { width: 800, height: 600 },
    { width: 1280, height: 800 }
  ]) {
    // Each size opens the link afresh, in a page of its own.
    if (size.width === 1280) page = await page.context().newPage()
    await page.setViewportSize(size)
    await openApp(page, '#/timeline/1936-trotsky-exile')
    const panel = page.getByTestId('event-panel')
    await expect(panel.getByRole('heading', { name: /Trotsky/ })).toBeFocused()
    const header = await page.locator('.app-header').boundingBox()
    const date = await panel.getByTestId('event-date').boundingBox()
    expect(header && date).toBeTruthy()
    if (!header || !date) return
    expect(date.y).toBeGreaterThanOrEqual(header.y + header.height)
    expect(date.y + date.height).toBeLessThanOrEqual(size.height)
  }
  // An event opened from the axis leaves focus on the axis, for the arrow keys.
  await page.keyboard.press('Escape')
  const label = axis(page).locator('[data-event-id="1926-kollontai-ambassador"]')
  await label.click()
  await expect(page.getByTestId('event-panel')).toBeVisible()
  await expect(label).toBeFocused()
})

test('axe-core finds no serious violation on the axis, the list or the event panel, light or dark', async ({
  page
}) => {
  // Six full axe-core runs: more than the default time on a loaded machine.
  test.setTimeout(180_000)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await openApp(page, '#/timeline')
    await expect(axis(page)).toHaveAttribute('data-drawn', 'true')
    expect(await seriousViolations(page), `axis, ${scheme}`).toEqual([])
    await openApp(page, '#/timeline/1978-lopez-portillo-tlatelolco')
    await expect(page.getByTestId('event-panel')).toBeVisible()
    expect(await seriousViolations(page), `event panel, ${scheme}`).toEqual([])
    await openApp(page, '#/timeline/1926-kollontai-ambassador?view=list')
    await expect(page.getByTestId('timeline-list')).toBeVisible()
    expect(await seriousViolations(page), `list and panel, ${scheme}`).toEqual([])
  }
})

test('a new profile opening a link to the timeline sees the axis before the database exists, and the wheel hint is remembered once it does', async ({
  page
}) => {
  // The database's opening is held back until released: the timeline draws from the pack alone,
  // as the reader does on a first start.
  const release = await holdDatabaseBack(page)
  await page.setViewportSize({ width: 800, height: 600 })
  await page.goto('/#/timeline')
  await expect(axis(page)).toHaveAttribute('data-drawn', 'true')
  await expect(axis(page)).toContainText('Fort Ross')
  const exists = () =>
    page.evaluate(async () =>
      (await indexedDB.databases()).some((info) => info.name === 'mexico-russia-study')
    )
  expect(await exists()).toBe(false)
  await expect(page.locator('html')).not.toHaveAttribute('data-storage', 'open')

  release()
  await expect(page.locator('html')).toHaveAttribute('data-storage', 'open')
  expect(await exists()).toBe(true)
  // Ctrl+wheel zooms; the hint is learned and saved, so a plain wheel after a reload says nothing.
  const box = await axis(page).boundingBox()
  if (!box) throw new Error('no axis')
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.keyboard.down('Control')
  await page.mouse.wheel(0, -100)
  await page.keyboard.up('Control')
  await expect.poll(() => readSetting(page, 'timelineWheelZoomLearned')).toBe(true)
  await page.reload()
  await expect(axis(page)).toHaveAttribute('data-drawn', 'true')
  await expect(page.locator('html')).toHaveAttribute('data-storage', 'open')
  const again = await axis(page).boundingBox()
  if (!again) throw new Error('no axis')
  await page.mouse.move(again.x + again.width / 2, Math.min(again.y + 40, 590))
  await page.mouse.wheel(0, 400)
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(100)
  await expect(page.getByTestId('timeline-zoom-hint')).toHaveCount(0)
})

test('a student coming back through a link to the timeline sees the axis before the database opens, in the colour scheme they chose', async ({
  page
}) => {
  await openApp(page, '#/timeline')
  const toggle = page.getByTestId('theme-toggle')
  await toggle.click()
  await toggle.click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect.poll(() => readSetting(page, 'theme')).toBe('dark')

  // Coming back, with the database's opening held back until released: the timeline's state is
  // all in the link, so it draws from the pack at once.
  const release = await holdDatabaseBack(page)
  await page.goto('about:blank')
  await page.goto('/#/timeline/1812-fort-ross')
  await expect(axis(page)).toHaveAttribute('data-drawn', 'true')
  await expect(
    page.getByTestId('event-panel').getByRole('heading', { name: /Fort Ross/ })
  ).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.locator('html')).not.toHaveAttribute('data-storage', 'open')

  release()
  await expect(page.locator('html')).toHaveAttribute('data-storage', 'open')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
})
