/**
 * The main window's size, position and maximised state, kept between launches in userData.
 * Pure parts (validation, placement) are apart from the file so they can be tested alone.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** A rectangle in screen coordinates, as Electron gives bounds and display work areas. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** What is kept: the normal (unmaximised) bounds and whether the window was maximised. */
export interface WindowState {
  bounds: Rect
  maximized: boolean
}

/** The size a first launch opens at. */
export const DEFAULT_SIZE = { width: 1280, height: 860 }
/** The smallest window the layout is made for. */
export const MIN_SIZE = { width: 720, height: 520 }

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n)

/** Reads a stored state, or null for anything malformed (a hand-edited or truncated file). */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null
  const { bounds, maximized } = value as Record<string, unknown>
  if (typeof bounds !== 'object' || bounds === null || typeof maximized !== 'boolean') return null
  const { x, y, width, height } = bounds as Record<string, unknown>
  if (!isInt(x) || !isInt(y) || !isInt(width) || !isInt(height)) return null
  if (width <= 0 || height <= 0) return null
  return { bounds: { x, y, width, height }, maximized }
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/**
 * Where the window opens: the saved bounds when they still fit a display that is present,
 * shrunk to that display's work area if it got smaller; else the default size, centred by the
 * system. A window whose title bar would be off every screen is never restored.
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: Rect[]
): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  const fallback = { bounds: { ...DEFAULT_SIZE }, maximized: saved?.maximized ?? false }
  if (saved === null || workAreas.length === 0) return { ...fallback, maximized: false }
  const { bounds } = saved
  // The display that holds most of the window, as the system itself decides.
  const best = workAreas
    .map((area) => ({ area, shared: overlap(bounds, area) }))
    .sort((a, b) => b.shared - a.shared)[0]
  if (!best || best.shared === 0) return fallback
  const { area } = best
  const width = Math.max(MIN_SIZE.width, Math.min(bounds.width, area.width))
  const height = Math.max(MIN_SIZE.height, Math.min(bounds.height, area.height))
  // Keep the whole window on that display: move it in rather than let it hang off an edge.
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width)
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height)
  return { bounds: { x, y, width, height }, maximized: saved.maximized }
}

/** Reads the stored state; a missing or broken file means a first launch. */
export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    return null
  }
}

/** Stores the state; a failure only costs the next launch its position, so it is not fatal. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify(state))
  } catch (error) {
    console.warn(`The window position could not be kept: ${String(error)}`)
  }
}
