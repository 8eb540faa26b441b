import { Text } from 'ink'

/** A key and what it does, as the status line shows it: `['→', 'next']`. */
export type KeyHint = readonly [key: string, label: string]

type Props = {
  /** In order of importance: a narrow terminal cuts from the end. */
  readonly keys: readonly KeyHint[]
}

export function StatusBar({ keys }: Props) {
  return (
    <Text wrap="truncate-end">
      {keys.map(([key, label], i) => (
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
