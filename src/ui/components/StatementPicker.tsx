import { Box, Text } from 'ink'
import type { StatementOption } from '../state/prediction'

type Props = {
  /** Every statement and grant weighed, named only: picking must not reveal the outcome. */
  readonly options: readonly StatementOption[]
  /** The option the learner is on. */
  readonly cursor: number
  /** Rows the picker may use; the list scrolls to keep the cursor in view. Unlimited when 0. */
  readonly rows: number
}

type Row =
  | { readonly kind: 'group'; readonly text: string }
  | { readonly kind: 'option'; readonly option: StatementOption; readonly index: number }

export function StatementPicker({ options, cursor, rows }: Props) {
  const lines = toRows(options)
  const at = lines.findIndex((row) => row.kind === 'option' && row.index === cursor)
  // One row for the question; the cursor's group heading stays in view when it fits.
  const room = rows > 1 ? rows - 1 : lines.length
  const start = Math.min(Math.max(0, at - room + 1), Math.max(0, lines.length - room))
  const shown = lines.slice(start, start + room)
  const more = start > 0 ? ` (↑ ${start} more)` : ''

  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        Which statement or grant decides?<Text dimColor>{more}</Text>
      </Text>
      {shown.map((row) =>
        row.kind === 'group' ? (
          <Text key={`group:${row.text}`} dimColor wrap="truncate-end">
            {row.text}
          </Text>
        ) : (
          <OptionLine
            key={row.option.ref ?? 'none'}
            option={row.option}
            chosen={row.index === cursor}
          />
        ),
      )}
    </Box>
  )
}

function OptionLine({
  option,
  chosen,
}: {
  readonly option: StatementOption
  readonly chosen: boolean
}) {
  return (
    <Text color={chosen ? 'cyan' : undefined} wrap="truncate-end">
      {chosen ? '❯ ' : '  '}
      <Text inverse={chosen} dimColor={option.ref === null && !chosen}>
        {option.label}
      </Text>
    </Text>
  )
}

// Options under a heading each time the group changes; "none of them" stands apart.
function toRows(options: readonly StatementOption[]): readonly Row[] {
  return options.flatMap((option, index): Row[] => {
    const row: Row = { kind: 'option', option, index }
    if (option.group === options[index - 1]?.group) return [row]

    return [{ kind: 'group', text: option.group || ' ' }, row]
  })
}
