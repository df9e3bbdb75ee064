import { readFileSync } from 'node:fs'
import { expect, openApp, test } from './fixtures'

const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8')
const cases: [string, string][] = [
  ['cloze-choice', '#/study?mode=choice&card=' + encodeURIComponent('cloze:p-history-2:0:1-december-1890')],
  ['cloze-typed', '#/study?mode=typed&card=' + encodeURIComponent('cloze:p-soviet-era-3:3:1978')],
  ['flow-choice', '#/study?mode=choice&card=trade-flow:mx-ru'],
  ['company-choice', '#/study?mode=choice&card=' + encodeURIComponent('company:grupo-omnilife+grupo-maseca+nemak+cemex+mabe+katcon+metalsa+gruma')],
  ['when-choice', '#/study?mode=choice&card=event-when:1930-relations-severed'],
  ['order', '#/study?mode=order']
]
for (const [name, hash] of cases) {
  for (const [w, h] of [[1280, 800], [800, 600]] as const) {
    test(`${name} ${w}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h })
      await openApp(page, hash)
      await expect(page.getByTestId('study-card').or(page.getByRole('list', { name: 'Events to order' }))).toBeVisible()
      if (name === 'cloze-typed') {
        await page.getByLabel('Your answer').fill('1978')
        await page.getByLabel('Your answer').press('Enter')
        await expect(page.getByTestId('quiz-verdict')).toBeVisible()
      }
      await page.screenshot({ path: `/tmp/q/${name}-${w}.png` })
      await page.evaluate(axe)
      const result = await page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        const r = await window.axe.run(document)
        return r.violations.map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`)
      })
      console.log(name, w, 'axe:', JSON.stringify(result))
    })
  }
}
