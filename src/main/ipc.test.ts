import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeState } from './test-support/fake-electron'
import { IPC } from '../shared/ipc'
import { leaveNotice } from './notices'

const state = new FakeState()
vi.mock('electron', async () => {
  const { electronModule } = await import('./test-support/fake-electron')
  return electronModule(state)
})
const { saveDialogOptions, setupIpc } = await import('./ipc')

const dir = mkdtempSync(join(tmpdir(), 'ipc-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const APP = 'app://bundle/#/progress'
const sender = { id: 7 }
const event = (url: string | undefined) => ({
  sender,
  senderFrame: url === undefined ? null : { url }
})
const call = (channel: string, url: string | undefined, ...args: unknown[]) => {
  const handler = state.ipcHandlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return Promise.resolve().then(() => handler(event(url), ...args))
}

beforeEach(async () => {
  state.reset()
  await state.becomeReady()
  setupIpc({ devOrigin: null })
})

const FOREIGN = [
  'https://evil.example/',
  'app://bundle.evil/',
  'file:///etc/passwd',
  'http://localhost:5173/',
  undefined
]

describe.each([IPC.appInfo, IPC.saveFile, IPC.takeNotice])('the %s handler', (channel) => {
  it.each(FOREIGN)('refuses a sender at %j', async (url) => {
    await expect(call(channel, url, { text: 'x', fileName: 'a.csv' })).rejects.toThrow(
      /refused: not the app/
    )
    expect(state.saveDialogCalls).toHaveLength(0)
  })
})

describe('appInfo', () => {
  it('tells the app its version and platform', async () => {
    expect(await call(IPC.appInfo, APP)).toEqual({
      version: '0.0.0-test',
      platform: process.platform
    })
  })
})

describe('saveFile', () => {
  it.each([
    [undefined],
    ['text'],
    [{ text: 'x' }],
    [{ text: 'x', fileName: '../../.bashrc' }],
    [{ text: 'x', fileName: '/etc/cron.d/evil.txt' }],
    [{ text: 'x', fileName: 'evil.exe' }],
    [{ text: 42, fileName: 'a.csv' }]
  ])('refuses the arguments %j before any dialog opens', async (value) => {
    await expect(call(IPC.saveFile, APP, value)).rejects.toThrow(/refused/)
    expect(state.saveDialogCalls).toHaveLength(0)
  })

  it('offers the name in the downloads folder and writes nothing when cancelled', async () => {
    state.saveDialogAnswer = { canceled: true }
    const before = readdirSync(dir)
    expect(await call(IPC.saveFile, APP, { text: 'a,b', fileName: 'trade.csv' })).toBe('cancelled')
    expect(state.saveDialogCalls[0]?.at(-1)).toMatchObject({
      defaultPath: join('/tmp/fake-downloads', 'trade.csv'),
      filters: [{ name: 'CSV table', extensions: ['csv'] }]
    })
    expect(readdirSync(dir)).toEqual(before)
  })

  it('writes exactly the chosen path, and offers that folder next time', async () => {
    const chosen = join(dir, 'chosen-name.json')
    state.saveDialogAnswer = { canceled: false, filePath: chosen }
    expect(await call(IPC.saveFile, APP, { text: '{"a":1}', fileName: 'backup.json' })).toBe(
      'saved'
    )
    expect(readFileSync(chosen, 'utf8')).toBe('{"a":1}')
    expect(existsSync(join(dir, 'backup.json'))).toBe(false)
    await call(IPC.saveFile, APP, { text: 'x', fileName: 'cards.anki.txt' })
    expect(state.saveDialogCalls[1]?.at(-1)).toMatchObject({
      defaultPath: join(dir, 'cards.anki.txt')
    })
  })
})

describe('takeNotice', () => {
  it('hands a notice left for this page over once', async () => {
    leaveNotice(sender.id, 'reloaded')
    leaveNotice(99, 'for another page')
    expect(await call(IPC.takeNotice, APP)).toBe('reloaded')
    expect(await call(IPC.takeNotice, APP)).toBeNull()
  })
})

describe('under npm run dev', () => {
  it('trusts the dev server’s page, and only that', async () => {
    state.reset()
    await state.becomeReady()
    setupIpc({ devOrigin: 'http://localhost:5173' })
    expect(await call(IPC.appInfo, 'http://localhost:5173/#/study')).toMatchObject({
      version: '0.0.0-test'
    })
    await expect(call(IPC.appInfo, 'http://localhost:5174/')).rejects.toThrow(/refused/)
  })
})

describe('saveDialogOptions', () => {
  it('filters on the file’s own type', () => {
    expect(saveDialogOptions('/home/me', 'x.JSON')).toMatchObject({
      defaultPath: join('/home/me', 'x.JSON'),
      filters: [{ name: 'JSON data', extensions: ['json'] }]
    })
  })
})
