import { Box, Text } from 'ink'
import type { HomeRow } from '../state/home-rows'

type Props = {
  /** The row under the cursor; undefined while the course loads. */
  readonly row?: HomeRow
  /** Mentioned, so the learner knows questions will come. */
  readonly predictMode: boolean
}

/** Two lines under the Home list about the lesson or scenario under the cursor. */
export function HomeSummary({ row, predictMode }: Props) {
  const text =
    row?.kind === 'scenario'
      ? `${row.scenario.summary.trim()} (${row.scenario.stepCount} steps)`
      : row &&
        `${row.lesson.scenarios.length} scenarios. Enter shows the lesson, ` +
          'then starts the first scenario you have not finished.'

  return (
    <Box
      flexDirection="column"
      flexShrink={0}
      height={3}
      overflow="hidden"
      borderStyle="single"
      borderBottom={false}
      borderLeft={false}
      borderRight={false}
      borderDimColor
    >
      <Text dimColor>
        {text} {predictMode ? 'Predict mode is on.' : ''}
      </Text>
    </Box>
  )
}
