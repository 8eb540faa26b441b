import { Text } from 'ink'

/** A key and what it does, as the status line shows it: `['→', 'next']`. */
export type KeyHint = readonly [key: string, label: string]

type Props = {
  /** In order of importance, except the last `keep`, which always show. */
  readonly keys: readonly KeyHint[]
  /** Columns available; hints that do not fit are left out, least important first. */
  readonly width?: number
  /** How many hints at the end (help, the way out) stay whatever the width. */
  readonly keep?: number
}

export function StatusBar({ keys, width = Infinity, keep = 0 }: Props) {
  return (
    <Text wrap="truncate-end">
      {fitting(keys, width, keep).map(([key, label], i) => (
        <Text key={key}>
          {i > 0 ? '  ' : ''}
          <Text bold color="cyan">
            {key}
          </Text>
          <Text dimColor> {label}</Text>
        </Text>
      ))}
    </Text>
  )
}

/** The hints that fit the width: the optional ones are dropped from the last forwards. */
export function fitting(keys: readonly KeyHint[], width: number, keep: number): readonly KeyHint[] {
  const optional = keys.slice(0, Math.max(0, keys.length - keep))
  const kept = keys.slice(optional.length)

  while (optional.length > 0 && lengthOf([...optional, ...kept]) > width) optional.pop()

  return [...optional, ...kept]
}

function lengthOf(keys: readonly KeyHint[]): number {
  const items = keys.map(([key, label]) => [...key].length + 1 + [...label].length)

  return items.reduce((sum, item) => sum + item, 0) + 2 * Math.max(0, keys.length - 1)
}
