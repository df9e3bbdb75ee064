import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { menuTemplate, type MenuOptions } from './menu'

vi.mock('electron', () => ({}))

const source = { title: 'Mexico–Russia relations', url: 'https://infogalactic.com/info/X' }

function template(overrides: Partial<MenuOptions> = {}) {
  const options: MenuOptions = {
    platform: 'linux',
    packaged: true,
    appName: 'Mexico–Russia Relations',
    source,
    send: vi.fn(),
    openExternal: vi.fn(),
    ...overrides
  }
  return { options, menu: menuTemplate(options) }
}

function items(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

const roles = (menu: MenuItemConstructorOptions[]) =>
  items(menu)
    .map((item) => item.role)
    .filter(Boolean)
const labels = (menu: MenuItemConstructorOptions[]) => menu.map((item) => item.label ?? item.role)
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as (() => void) | undefined)?.()

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help; macOS adds the app menu first', () => {
    expect(labels(template().menu)).toEqual(['File', 'Edit', 'View', 'window', 'help'])
    expect(labels(template({ platform: 'darwin' }).menu)).toEqual([
      'Mexico–Russia Relations',
      'File',
      'Edit',
      'View',
      'window',
      'help'
    ])
    expect(roles(template({ platform: 'darwin' }).menu)).toEqual(
      expect.arrayContaining(['about', 'hide', 'hideOthers', 'unhide', 'quit', 'close', 'front'])
    )
  })

  it('gives text fields undo, redo, cut, copy, paste and select all', () => {
    const edit = template().menu.find((item) => item.label === 'Edit')
    expect(roles([edit ?? {}])).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
  })

  it('has zoom and full screen, and reload and developer tools only when not packaged', () => {
    const packaged = roles(template().menu)
    expect(packaged).toEqual(
      expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
    )
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) {
      expect(packaged).not.toContain(role)
      expect(roles(template({ packaged: false }).menu)).toContain(role)
    }
  })

  it('sends Export and Back Up to the page, and About too', () => {
    const { options, menu } = template()
    const all = items(menu)
    click(all.find((item) => item.id === 'export-trade'))
    click(all.find((item) => item.id === 'backup'))
    click(all.find((item) => item.id === 'about'))
    expect(vi.mocked(options.send).mock.calls).toEqual([['export-trade'], ['backup'], ['about']])
  })

  it('opens the source article from Help, and has no such item without a source', () => {
    const { options, menu } = template()
    click(items(menu).find((item) => item.id === 'source'))
    expect(options.openExternal).toHaveBeenCalledWith(source.url)
    expect(items(template({ source: null }).menu).some((item) => item.id === 'source')).toBe(false)
  })

  it('takes none of the study keys: every accelerator needs Cmd or Ctrl, and none is Ctrl+K', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const accelerators = items(template({ platform, packaged: false }).menu)
        .map((item) => item.accelerator)
        .filter((a): a is string => typeof a === 'string')
      expect(accelerators.length).toBeGreaterThan(0)
      for (const accelerator of accelerators) {
        const keys = accelerator.split('+')
        expect(
          keys.some((k) => /^(CmdOrCtrl|CommandOrControl|Ctrl|Control|Cmd|Command)$/.test(k))
        ).toBe(true)
        expect(keys.at(-1)).not.toMatch(/^(K|Space|Enter|Return|[1-4]|U|\/)$/i)
      }
    }
  })
})
