/**
 * The Trade view: the headline figures show their year, unit, quote and notes; the flow diagram
 * and its table hold the same products; companies and equipment are listed with their sources;
 * the equipment table stays readable at 760px and scrolls with a hint when narrower; the CSV
 * download is a clean table (header first) with source and licence in every row and no invented
 * direction for equipment, and the JSON carries the editorial notes attached to their items; a
 * figure's source link opens the reader at its paragraph; a pack with a yearly series (synthetic
 * fixture) gets a line chart whose year slider changes the values shown. Light and dark
 * screenshots go to /tmp.
 */
import { readFile } from 'node:fs/promises'
import { checkPackIntegrity } from '../src/shared/pack-integrity'
import { parsePack } from '../src/shared/pack-schema'
import { expect, openApp, shownView, test } from './fixtures'
import { SYNTHETIC_SOURCE, tradeSeriesPack } from './fixtures/trade-series-pack'

const SHOTS = process.env.TRADE_SHOTS ?? '/tmp/trade-shots'

test('the headline figures show their value, year, unit, quote and notes', async ({ page }) => {
  await openApp(page, '#/trade')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Trade between Mexico and Russia' })
  ).toBeVisible()

  const total = page.locator('[data-figure="trade-total-2014"]')
  await expect(total).toContainText('US$1.784 billion')
  await expect(total.locator('dd').first()).toHaveText('2014')
  await expect(total.locator('dd').nth(1)).toHaveText('US dollars')
  await expect(total.locator('blockquote')).toContainText(
    'In 2014, two-way trade between both nations totaled $1,784 billion USD.'
  )
  await expect(total.locator('blockquote')).toContainText('[6]')
  await expect(total.locator('.editorial-note')).toContainText('$1,784 billion USD')
  await expect(total.locator('.editorial-note')).toContainText('US$1.784 billion')

  const rank = page.locator('[data-figure="trade-partner-rank"]')
  await expect(rank).toContainText('3rd')
  await expect(rank.locator('dd').first()).toHaveText('year not stated')

  const visitors = page.locator('[data-figure="russian-visitors-2014"]')
  await expect(visitors).toContainText('about 77,000')
  await expect(visitors.locator('dd').first()).toHaveText('2014')
  await expect(visitors.locator('dd').nth(1)).toHaveText('visitors')

  const flights = page.locator('[data-figure="flights"]')
  await expect(flights).toContainText('Mexico City → Moscow')
  await expect(flights).toContainText('Cancún → Moscow')
  await expect(flights.locator('.editorial-note')).toContainText('garbled')

  await expect(page.getByTestId('no-series')).toHaveText(
    "The article gives one year's total only; no yearly series to chart."
  )
})

test('the source link on the trade total opens the reader at its paragraph', async ({ page }) => {
  await openApp(page, '#/trade')
  await page
    .locator('[data-figure="trade-total-2014"]')
    .getByRole('link', { name: 'In the article' })
    .click()
  await expect(page).toHaveURL(/#\/reader\/p-trade-1$/)
})

test('the flow table holds exactly the products the diagram draws', async ({ page }) => {
  await openApp(page, '#/trade')
  const diagram = page.getByTestId('flow-diagram')
  await expect(diagram).toBeVisible()
  const drawn = await diagram
    .locator('g[data-product]')
    .evaluateAll((groups) =>
      groups.map((g) => [
        g.closest('svg')?.querySelector('.heading') ? (g.getAttribute('class') ?? '') : '',
        g.querySelector('text')?.textContent?.trim() ?? ''
      ])
    )
  const table = page.getByRole('table', { name: 'Products traded, as the source lists them' })
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''))
    )
  expect(drawn.map(([, product]) => product)).toEqual(rows.map((r) => r[1]))
  expect(rows).toEqual([
    ['Mexico → Russia', 'tequila', 'not given in the source', '[6]'],
    ['Mexico → Russia', 'beer', 'not given in the source', '[6]'],
    ['Mexico → Russia', 'beef', 'not given in the source', '[6]'],
    ['Mexico → Russia', 'automobiles', 'not given in the source', '[6]'],
    ['Russia → Mexico', 'chemical-based products', 'not given in the source', '[6]'],
    ['Russia → Mexico', 'metals', 'not given in the source', '[6]'],
    ['Russia → Mexico', 'helicopters', 'not given in the source', '[6]'],
    ['Russia → Mexico', 'ammunition', 'not given in the source', '[6]']
  ])
  // The direction each line is drawn in matches its table row: Mexico's exports in its colour.
  expect(drawn.slice(0, 4).every(([cls]) => cls?.includes('from-MX'))).toBe(true)
  expect(drawn.slice(4).every(([cls]) => cls?.includes('from-RU'))).toBe(true)
  // No proportions: every flow line has the same width.
  const widths = await diagram
    .locator('path.link')
    .evaluateAll((paths) => [...new Set(paths.map((p) => getComputedStyle(p).strokeWidth))])
  expect(widths).toHaveLength(1)
  await expect(
    page.getByText('The source lists products without values; line widths carry no meaning')
  ).toBeVisible()
})

test('companies and equipment are listed with their sources and flags', async ({ page }) => {
  await openApp(page, '#/trade')
  const russian = page.getByRole('region', { name: /Russian companies operating in Mexico/ })
  await expect(russian.getByRole('listitem')).toHaveText(['Power Machines[4]'])
  const mexican = page.getByRole('region', { name: /Mexican companies operating in Russia/ })
  await expect(mexican.getByRole('listitem')).toHaveCount(8)
  await expect(mexican.locator('[data-company="gruma"]')).toHaveText('Gruma[7][4]')
  // A company opens its own page (issue #13), which links on to the paragraph.
  await expect(mexican.getByRole('link', { name: 'Cemex' })).toHaveAttribute(
    'href',
    '#/entity/cemex'
  )

  const equipment = page.getByTestId('equipment-table')
  const btr = equipment.locator('[data-equipment="btr-60"]')
  await expect(btr).toContainText('Armoured personnel carrier')
  await expect(btr).toContainText('Mexican Navy')
  await expect(btr).toContainText('Still in service (as stated, unsourced)')
  await expect(btr.getByText('citation needed')).toBeVisible()
  await expect(equipment.locator('tbody tr[data-equipment]')).toHaveCount(4)
  await expect(shownView(page).locator('[data-note="note-military-list"]')).toBeVisible()
  await expect(shownView(page).locator('[data-note="note-military-unsourced"]')).toBeVisible()
})

test('the CSV download is a clean table with source and licence in every row', async ({ page }) => {
  await openApp(page, '#/trade')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click()
  ])
  expect(download.suggestedFilename()).toBe('mexico-russia-trade.csv')
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '')
  const lines = text.split('\r\n')
  expect(lines.at(-1)).toBe('')
  const rows = lines.slice(1, -1)
  // The header comes first: no comment lines a spreadsheet would read as data.
  expect(lines[0]).toBe(
    'category,item,value,display,unit,year,direction,source_paragraph,citations,note,editorial_notes,source,licence'
  )
  const attribution =
    ',"“Mexico–Russia relations”, Infogalactic, https://infogalactic.com/info/Mexico%E2%80%93Russia_relations","CC BY-SA 3.0, https://creativecommons.org/licenses/by-sa/3.0/"'
  expect(rows.every((l) => l.endsWith(attribution))).toBe(true)
  expect(rows).toContain(
    `product,tequila,,,,,Mexico → Russia,p-trade-1,6,value not given in the source,${attribution}`
  )
  // Equipment has no direction: the source says only that Mexico bought it.
  const btr = rows.find((l) => l.startsWith('military equipment,BTR-60,'))
  expect(btr).toMatch(/^military equipment,BTR-60,,,,,,p-military-1,citation needed,/)
  expect(btr).toContain('"Armoured personnel carrier; received by Mexican Navy; status: Still')
  expect(rows.some((l) => l.startsWith('military equipment') && l.includes('Russia →'))).toBe(false)
  const total = rows.find((l) => l.startsWith('figure,Two-way trade'))
  expect(total).toContain(',1784000000,US$1.784 billion,US$,2014,')
  expect(total).toContain('US$1.784 billion, that is 1,784 million dollars')
  // 3 figures, 8 products, 9 companies, 4 equipment items, 2 flight routes; no series.
  expect(rows).toHaveLength(26)
})

test('the JSON download carries the editorial notes, attached to what they concern', async ({
  page
}) => {
  await openApp(page, '#/trade')
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click()
  ])
  expect(json.suggestedFilename()).toBe('mexico-russia-trade.json')
  const data = JSON.parse(await readFile(await json.path(), 'utf8')) as {
    source: { licence: { name: string } }
    editorialNotes: { id: string; attachedTo: string[]; sourceSays?: string; text: string }[]
    trade: {
      figures: { id: string; quote: string; notes: string[] }[]
      equipment: { notes: string[] }[]
      flights: { notes: string[] }
    }
  }
  expect(data.source.licence.name).toBe('CC BY-SA 3.0')
  expect(data.trade.figures).toHaveLength(3)
  const total = data.trade.figures.find((f) => f.id === 'trade-total-2014')
  expect(total?.quote).toContain('$1,784 billion USD')
  expect(total?.notes).toEqual(['note-trade-total-billion'])
  const note = data.editorialNotes.find((n) => n.id === 'note-trade-total-billion')
  expect(note?.attachedTo).toContain('trade-total-2014')
  expect(note?.text).toContain('US$1.784 billion')
  expect(data.trade.flights.notes).toEqual(['note-flights-wording'])
  expect(data.trade.equipment.every((q) => q.notes.includes('note-military-unsourced'))).toBe(true)
  const listed = new Set(data.editorialNotes.map((n) => n.id))
  const named = [...data.trade.figures, ...data.trade.equipment, data.trade.flights].flatMap(
    (item) => item.notes
  )
  expect(named.filter((id) => !listed.has(id))).toEqual([])
})

test('the equipment table is readable at 760px and scrolls with a hint when narrower', async ({
  page
}) => {
  await page.setViewportSize({ width: 760, height: 860 })
  await openApp(page, '#/trade')
  const table = page.getByTestId('equipment-table')
  await table.scrollIntoViewIfNeeded()
  const wrap = table.locator('xpath=..')
  // Nothing is cut off: the table fits its box and the page does not scroll sideways.
  expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0)
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    )
  ).toBe(0)
  await expect(page.getByTestId('equipment-scroll-hint')).toHaveCount(0)
  // Short cells keep to one line: the names, the source links and the column headings.
  const lineCounts = await table.locator('thead th, tbody th, tbody a').evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange()
      range.selectNodeContents(el)
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
      return [el.textContent?.trim() ?? '', tops.size]
    })
  )
  expect(lineCounts.length).toBe(5 + 4 + 4)
  expect(lineCounts.filter(([, lines]) => lines !== 1)).toEqual([])
  await table
    .locator('xpath=ancestor::section[1]')
    .screenshot({ path: `${SHOTS}/trade-equipment-760.png` })
  await page.screenshot({ path: `${SHOTS}/trade-760.png`, fullPage: true })

  // Narrower than the table: it scrolls inside its box, with a hint; the box stays in the window.
  await page.setViewportSize({ width: 480, height: 860 })
  await expect(page.getByTestId('equipment-scroll-hint')).toBeVisible()
  expect(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  expect(await wrap.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(480)
})

test('a pack with a yearly series draws the line chart and the slider picks a year', async ({
  page
}) => {
  const json = tradeSeriesPack()
  const parsed = parsePack(json)
  expect(parsed.ok && checkPackIntegrity(parsed.pack)).toEqual([])
  await page.route('**/packs/mexico-russia/pack.json', (route) => route.fulfill({ json }))
  await openApp(page, '#/trade')

  const chart = page.getByTestId('series-chart')
  await expect(chart.locator('path[data-series]')).toHaveCount(3)
  for (const key of ['exports', 'imports', 'balance']) {
    await expect(chart.locator(`path[data-series="${key}"]`)).toHaveAttribute('d', /^M.+L/)
  }
  await expect(page.getByText(SYNTHETIC_SOURCE)).toBeVisible()
  await expect(page.getByTestId('no-series')).toHaveCount(0)

  const picked = page.getByTestId('series-picked')
  await expect(picked).toContainText('2014')
  await expect(picked).toContainText('Balance −US$416 million')
  const slider = page.getByRole('slider', { name: 'Year' })
  await slider.fill('0')
  await expect(picked).toContainText('2010')
  await expect(picked).toContainText('Exports US$400 million')
  await expect(picked).toContainText('Imports US$900 million')
  await expect(picked).toContainText('Balance −US$500 million')
  await slider.press('ArrowRight')
  await expect(picked).toContainText('2011')
  await expect(picked).toContainText('Balance −US$480 million')

  const table = page.getByTestId('series-table')
  await expect(table.locator('tbody tr')).toHaveCount(5)
  await expect(table.locator('tbody tr').first()).toHaveText(/2010\s*400\s*900\s*−500/)
  await page.screenshot({ path: `${SHOTS}/trade-series-light.png`, fullPage: true })
})

test('the page fits the window in light and dark', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await openApp(page, '#/trade')
    await expect(page.getByTestId('flow-diagram')).toBeVisible()
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    )
    expect(overflow).toBe(0)
    await page.screenshot({ path: `${SHOTS}/trade-${scheme}.png`, fullPage: true })
  }
})
