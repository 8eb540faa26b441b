import type { Key } from 'ink'

/** Keys with a name of their own. */
export type NamedKey =
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'return'
  | 'escape'
  | 'tab'
  | 'backtab'
  | 'backspace'
  | 'pageup'
  | 'pagedown'
  | 'home'
  | 'end'

/** One key press, whatever the terminal sent for it. */
export type KeyPress =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: NamedKey }
  | { readonly kind: 'ctrl-c' }

/**
 * Turns what ink reports into key presses. Pasted or fast-typed text arrives
 * as one string; it becomes one press per character, so each is read
 * against the state the previous one left.
 */
export function toKeyPresses(input: string, key: Key): readonly KeyPress[] {
  if (key.ctrl && input === 'c') return [{ kind: 'ctrl-c' }]

  const named = namedKey(key)
  if (named) return [{ kind: named }]
  if (key.ctrl || key.meta) return []

  return [...input].flatMap(charPress)
}

function namedKey(key: Key): NamedKey | undefined {
  if (key.leftArrow) return 'left'
  if (key.rightArrow) return 'right'
  if (key.upArrow) return 'up'
  if (key.downArrow) return 'down'
  if (key.pageUp) return 'pageup'
  if (key.pageDown) return 'pagedown'
  if (key.home) return 'home'
  if (key.end) return 'end'
  if (key.return) return 'return'
  if (key.escape) return 'escape'
  if (key.tab) return key.shift ? 'backtab' : 'tab'
  if (key.backspace || key.delete) return 'backspace'

  return undefined
}

function charPress(char: string): readonly KeyPress[] {
  if (char === '\r' || char === '\n') return [{ kind: 'return' }]
  if (char === '\t') return [{ kind: 'tab' }]
  if (char === '\x7f' || char === '\b') return [{ kind: 'backspace' }]

  // Other control characters have no meaning here.
  return /[\x00-\x1f]/.test(char) ? [] : [{ kind: 'char', char }]
}
