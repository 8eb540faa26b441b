import { Box, Text } from 'ink'
import { isCompleted, type Progress } from '../progress/progress'
import type { HomeRow } from '../state/home-rows'

type Props = {
  /** A lesson or one of its scenarios. */
  readonly row: HomeRow
  /** Drawn with the pointer and highlighted. */
  readonly selected: boolean
  /** For the ticks, scores and where the learner stopped. */
  readonly progress: Progress
}

export function HomeRowLine({ row, selected, progress }: Props) {
  const pointer = (
    <Box flexShrink={0}>
      <Text color="cyan">{selected ? '❯ ' : '  '}</Text>
    </Box>
  )

  if (row.kind === 'lesson') {
    const done = row.lesson.scenarios.filter((scenario) =>
      isCompleted(progress, scenario.id),
    ).length
    const all = done > 0 && done === row.lesson.scenarios.length

    return (
      <Box>
        {pointer}
        <Box flexGrow={1} flexShrink={1}>
          <Text bold inverse={selected} wrap="truncate-end">
            {row.number}. {row.lesson.title}
          </Text>
        </Box>
        <Box flexShrink={0}>
          <Text color={all ? 'green' : undefined} dimColor={!all}>
            {' '}
            {done}/{row.lesson.scenarios.length}
            {all ? ' ✓' : '  '}
          </Text>
        </Box>
      </Box>
    )
  }

  const saved = progress.scenarios[row.scenario.id]
  const completed = saved?.completed === true

  return (
    <Box>
      {pointer}
      <Box flexShrink={0}>
        <Text color={completed ? 'green' : undefined} dimColor={!completed}>
          {'   '}
          {completed ? '✓' : '·'}{' '}
        </Text>
      </Box>
      <Box flexGrow={1} flexShrink={1}>
        <Text inverse={selected} wrap="truncate-end">
          {row.scenario.title}
        </Text>
      </Box>
      <Box flexShrink={0}>
        {saved && saved.possible > 0 && (
          <Text dimColor>
            {' '}
            {saved.points}/{saved.possible} pts
          </Text>
        )}
        {saved && !completed && saved.step > 0 && (
          <Text color="yellow">
            {' '}
            {saved.step}/{row.scenario.stepCount} steps
          </Text>
        )}
      </Box>
    </Box>
  )
}
