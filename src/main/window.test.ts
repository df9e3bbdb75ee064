import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fakeEvent, FakeState, type FakeBrowserWindow } from './test-support/fake-electron'
import { takeNotice } from './notices'

const state = new FakeState()
vi.mock('electron', async () => {
  const { electronModule } = await import('./test-support/fake-electron')
  return electronModule(state)
})
const { createMainWindow, CRASH_NOTICE } = await import('./window')

const dir = mkdtempSync(join(tmpdir(), 'window-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let stateFile: string
let n = 0

beforeEach(async () => {
  state.reset()
  await state.becomeReady()
  stateFile = join(dir, `state-${n++}.json`)
})

const open = () =>
  createMainWindow({
    preload: '/app/preload/index.cjs',
    startUrl: 'app://bundle/',
    stateFile
  }) as unknown as FakeBrowserWindow

describe('the main window', () => {
  it('opens hidden on the start page, sandboxed, and shows once ready', () => {
    const window = open()
    expect(window.options).toMatchObject({
      show: false,
      width: 1280,
      height: 860,
      webPreferences: { preload: '/app/preload/index.cjs', sandbox: true, contextIsolation: true }
    })
    expect(window.webContents.getURL()).toBe('app://bundle/')
    expect(window.visible).toBe(false)
    window.emit('ready-to-show')
    expect(window.visible).toBe(true)
  })

  it('reopens where it was closed, maximised if it was', () => {
    const first = open()
    first.bounds = { x: 100, y: 50, width: 1000, height: 700 }
    first.maximized = true
    first.emit('close', fakeEvent())
    const second = open()
    expect(second.options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700 })
    expect(second.maximized).toBe(true)
  })

  it('does not reopen on a display that is gone', () => {
    const first = open()
    first.bounds = { x: 2500, y: 100, width: 1000, height: 700 }
    first.emit('close', fakeEvent())
    const second = open()
    expect(second.options.x).toBeUndefined()
    expect(second.options).toMatchObject({ width: 1280, height: 860 })
  })

  it('reloads a crashed page and leaves it a notice', () => {
    const window = open()
    window.webContents.emit('render-process-gone', fakeEvent(), { reason: 'crashed' })
    expect(window.webContents.reloads).toBe(1)
    expect(takeNotice(window.webContents.id)).toBe(CRASH_NOTICE)
  })

  it('does nothing after a clean exit', () => {
    const window = open()
    window.webContents.emit('render-process-gone', fakeEvent(), { reason: 'clean-exit' })
    expect(window.webContents.reloads).toBe(0)
  })

  it('stops reloading a page that keeps crashing, and says so', () => {
    const window = open()
    for (let i = 0; i < 5; i++) {
      window.webContents.emit('render-process-gone', fakeEvent(), { reason: 'oom' })
    }
    expect(window.webContents.reloads).toBe(3)
    expect(state.errorBoxes).toEqual(['The page keeps stopping', 'The page keeps stopping'])
  })

  it('asks whether to wait or reload a hung page; Wait leaves it alone', async () => {
    const window = open()
    state.messageBoxAnswer = { response: 0 }
    window.emit('unresponsive')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(state.messageBoxCalls[0]?.[1]).toMatchObject({ buttons: ['Wait', 'Reload'] })
    expect(window.webContents.crashes).toBe(0)
  })

  it('Reload ends the hung renderer, which the crash path then reloads', async () => {
    const window = open()
    state.messageBoxAnswer = { response: 1 }
    window.emit('unresponsive')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(window.webContents.crashes).toBe(1)
  })
})
