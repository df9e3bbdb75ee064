/**
 * The desktop app itself: a window opens on the app origin with the security baseline in place.
 * Runs wherever the Electron binary exists; elsewhere it skips with one line saying why.
 */
import { _electron as electron, expect, test } from '@playwright/test'
import { electronPath } from './browsers'

const binary = electronPath()

test.describe('Electron', () => {
  test.skip(binary.path === null, `Electron e2e skipped: ${binary.why}`)

  test('a window opens on the app origin, sandboxed and isolated', async () => {
    const app = await electron.launch({
      executablePath: binary.path ?? undefined,
      args: ['out/main/index.js', '--no-sandbox']
    })
    try {
      const page = await app.firstWindow()
      await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
      expect(new URL(page.url()).origin).toBe('app://bundle')
      const visible = await app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((w) => w.isVisible())
      )
      expect(visible).toEqual([true])
      const globals = await page.evaluate(() => ({
        require: typeof (globalThis as Record<string, unknown>).require,
        process: typeof (globalThis as Record<string, unknown>).process,
        bridge: Object.keys(window.studyApp ?? {}).sort()
      }))
      expect(globals).toEqual({
        require: 'undefined',
        process: 'undefined',
        bridge: ['appInfo', 'openExternal']
      })
      expect(await page.evaluate(() => window.studyApp?.openExternal('file:///etc/passwd'))).toBe(
        false
      )
    } finally {
      await app.close()
    }
  })
})
