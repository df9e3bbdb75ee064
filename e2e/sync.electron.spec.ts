/**
 * Sync in the desktop app: the folder comes from the system's folder dialog (stubbed in the main
 * process, as a test cannot click a native dialog), the main process writes this device's files
 * inside it and reads the other computer's, and the Sync panel says what moved. Runs wherever the
 * Electron binary exists (see electron.spec.ts); elsewhere it skips with one line saying why.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { electronPath, electronRequired } from './browsers'

const binary = electronPath()
const OTHER = 'a0a0a0a0-1111-4222-8333-444455556666'

let profile: string
let folder: string
let app: ElectronApplication | null = null

test.describe('Electron sync', () => {
  test.skip(binary.path === null && !electronRequired(), `Electron e2e skipped: ${binary.why}`)

  test.beforeEach(() => {
    profile = mkdtempSync(join(tmpdir(), 'electron-sync-profile-'))
    folder = realpathSync(mkdtempSync(join(tmpdir(), 'electron-sync-folder-')))
  })

  test.afterEach(async () => {
    await app?.close().catch(() => {})
    app = null
    rmSync(profile, { recursive: true, force: true })
    rmSync(folder, { recursive: true, force: true })
  })

  test('the folder from the dialog: this device writes its files there and reads the other’s', async () => {
    const at = Date.now() - 86_400_000
    mkdirSync(join(folder, 'devices', OTHER), { recursive: true })
    writeFileSync(
      join(folder, 'devices', OTHER, `reviews-${new Date(at).getUTCFullYear()}.jsonl`),
      JSON.stringify({
        id: 'b0b0b0b0-0000-4000-8000-000000000001',
        card: 'hand:card-first-in-americas',
        rating: 3,
        at,
        mode: 'flip',
        device: OTHER,
        retention: 0.9,
        ms: 2000
      }) + '\n'
    )
    const env = { ...process.env } as Record<string, string>
    delete env.ELECTRON_RENDERER_URL
    app = await electron.launch({
      executablePath: binary.path ?? undefined,
      args: [
        '.',
        `--user-data-dir=${profile}`,
        ...(process.platform === 'linux' ? ['--no-sandbox'] : [])
      ],
      env
    })
    await app.evaluate(({ dialog }, path) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [path] })) as never
    }, folder)
    const page = await app.firstWindow()
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Progress' })
      .click()
    const panel = page.getByTestId('sync-panel')
    await panel.getByRole('button', { name: 'Choose a sync folder…' }).click()
    await expect(panel.getByTestId('sync-folder')).toHaveText(folder)
    await expect(panel.getByTestId('sync-received')).toHaveText('1 change')
    await expect(panel.getByTestId('sync-status')).toContainText('In step with 1 other computer')
    const mine = readdirSync(join(folder, 'devices')).filter((name) => name !== OTHER)
    expect(mine).toHaveLength(1)
    expect(readdirSync(join(folder, 'devices', mine[0]!))).toContain('settings.json')
  })
})
