import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DEFAULT_SIZE,
  loadWindowState,
  parseWindowState,
  placeWindow,
  saveWindowState,
  type Rect
} from './window-state'

const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 }
const external: Rect = { x: 1440, y: 0, width: 2560, height: 1440 }

describe('placing the window', () => {
  it('opens at the default size on a first launch', () => {
    expect(placeWindow(null, [laptop])).toEqual({ bounds: DEFAULT_SIZE, maximized: false })
  })

  it('restores bounds and maximised state that fit a present display', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 900 }, maximized: true }
    expect(placeWindow(saved, [laptop, external])).toEqual(saved)
  })

  it('never restores a window onto a display that is gone', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 900 }, maximized: false }
    expect(placeWindow(saved, [laptop])).toEqual({ bounds: DEFAULT_SIZE, maximized: false })
  })

  it('moves a window hanging off an edge back onto its display', () => {
    const saved = { bounds: { x: 1000, y: -200, width: 1000, height: 700 }, maximized: false }
    expect(placeWindow(saved, [laptop]).bounds).toEqual({ x: 440, y: 25, width: 1000, height: 700 })
  })

  it('shrinks a window larger than its display, but not below the minimum size', () => {
    const saved = { bounds: { x: 0, y: 25, width: 3000, height: 2000 }, maximized: false }
    expect(placeWindow(saved, [laptop]).bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 })
    const tiny = { bounds: { x: 10, y: 30, width: 100, height: 100 }, maximized: false }
    expect(placeWindow(tiny, [laptop]).bounds).toMatchObject({ width: 720, height: 520 })
  })

  it('opens at the default size when no display is reported', () => {
    const saved = { bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: true }
    expect(placeWindow(saved, [])).toEqual({ bounds: DEFAULT_SIZE, maximized: false })
  })
})

describe('the stored state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'window-state-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.each([
    null,
    'text',
    { bounds: { x: 0, y: 0, width: 800 }, maximized: false },
    { bounds: { x: 0, y: 0, width: 800, height: 600 } },
    { bounds: { x: 0.5, y: 0, width: 800, height: 600 }, maximized: false },
    { bounds: { x: 0, y: 0, width: -1, height: 600 }, maximized: false },
    { bounds: { x: '0', y: 0, width: 800, height: 600 }, maximized: false }
  ])('refuses the malformed state %j', (value) => {
    expect(parseWindowState(value)).toBeNull()
  })

  it('round-trips through its file, and a broken file counts as none', () => {
    const file = join(dir, 'nested', 'window-state.json')
    expect(loadWindowState(file)).toBeNull()
    const state = { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true }
    saveWindowState(file, state)
    expect(loadWindowState(file)).toEqual(state)
    writeFileSync(file, '{"bounds":')
    expect(loadWindowState(file)).toBeNull()
  })
})
