import { Box, Text } from 'ink'
import { HomeRowLine } from '../components/HomeRowLine'
import { HomeSummary } from '../components/HomeSummary'
import { StatusBar, type KeyHint } from '../components/StatusBar'
import { TitleBar } from '../components/TitleBar'
import { courseTotals } from '../progress/progress'
import type { AppState } from '../state/app-state'
import { homeRows } from '../state/home-rows'

type Props = {
  /** The course, the cursor, progress and any notice. */
  readonly state: AppState
  /** Columns available. */
  readonly width: number
  /** Rows available; the list scrolls within them. */
  readonly height: number
}

const keys: readonly KeyHint[] = [
  ['↑↓', 'choose'],
  ['enter', 'open'],
  ['l', 'lesson'],
  ['p', 'predict mode'],
  ['?', 'help'],
  ['q', 'quit'],
]

export function HomeScreen({ state, width, height }: Props) {
  const rows = homeRows(state.lessons)
  const totals = courseTotals(state.progress, state.lessons)
  const score = totals.possible > 0 ? ` · score ${totals.points}/${totals.possible}` : ''
  const summaryLines = 3
  const visible = Math.max(3, height - 2 - summaryLines - (state.notice ? 1 : 0) - 1)
  const start = windowStart(rows.length, state.cursor, visible)

  return (
    <Box flexDirection="column" width={width} height={height}>
      <TitleBar
        title="kms-sandbox · how AWS KMS decides who may use a key"
        right={`${totals.completed}/${totals.total} done${score}`}
      />
      <Box flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden">
        {state.loading && <Text dimColor>Loading the course…</Text>}
        {rows.slice(start, start + visible).map((row, i) => (
          <HomeRowLine
            key={row.kind === 'lesson' ? `lesson:${row.lesson.id}` : row.scenario.id}
            row={row}
            selected={start + i === state.cursor}
            progress={state.progress}
          />
        ))}
      </Box>
      <HomeSummary row={rows[state.cursor]} predictMode={state.progress.predictMode} />
      {state.notice && (
        <Text color="yellow" wrap="truncate-end">
          {state.notice}
        </Text>
      )}
      <StatusBar keys={keys} width={width} keep={2} />
    </Box>
  )
}

// Keeps the cursor in view, centred when the list is longer than the window.
function windowStart(count: number, cursor: number, size: number): number {
  const centred = cursor - Math.floor(size / 2)

  return Math.min(Math.max(centred, 0), Math.max(0, count - size))
}
