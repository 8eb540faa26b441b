import { Box, Text } from 'ink'
import type { StatementOption } from '../state/prediction'

type Props = {
  /** The key policy's statements, named only: picking must not reveal the outcome. */
  readonly options: readonly StatementOption[]
  /** The option the learner is on. */
  readonly cursor: number
}

export function StatementPicker({ options, cursor }: Props) {
  return (
    <Box flexDirection="column">
      <Text bold>Which statement decides?</Text>
      {options.map((option, i) => (
        <Text
          key={option.ref ?? 'none'}
          color={i === cursor ? 'cyan' : undefined}
          wrap="truncate-end"
        >
          {i === cursor ? '❯ ' : '  '}
          <Text inverse={i === cursor} dimColor={option.ref === null && i !== cursor}>
            {option.label}
          </Text>
        </Text>
      ))}
    </Box>
  )
}
