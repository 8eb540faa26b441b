import type { Viewport } from './state/app-state'

/**
 * The frame the app draws in a terminal: one row short of it, because a frame
 * as tall as the screen makes ink clear it on every draw; never below 10 rows.
 */
export function frameSize(viewport: Viewport): { readonly width: number; readonly height: number } {
  return { width: viewport.columns, height: Math.max(10, viewport.rows - 1) }
}
