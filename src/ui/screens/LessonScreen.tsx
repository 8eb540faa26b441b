import { Box, Text } from 'ink'
import { StatusBar, type KeyHint } from '../components/StatusBar'
import { TitleBar } from '../components/TitleBar'
import type { Line } from '../lesson/lesson-lines'
import { isDebriefOpen, maxReaderScroll, readerLines, readerPageRows } from '../lesson/reader-view'
import type { AppState, LessonReader } from '../state/app-state'

type Props = {
  /** For the lesson, progress (which opens the debrief) and the viewport. */
  readonly state: AppState
  /** The open lesson, its part and scroll. */
  readonly reader: LessonReader
  /** Columns available. */
  readonly width: number
  /** Rows available; the text scrolls within them. */
  readonly height: number
}

const partTitles = { idea: 'The idea', debrief: 'What just happened' } as const

/** A lesson's Markdown for the terminal, one part at a time, scrolled with the arrows. */
export function LessonScreen({ state, reader, width, height }: Props) {
  const index = state.lessons.findIndex((lesson) => lesson.id === reader.lessonId)
  const lesson = state.lessons[index]
  const lines = readerLines(reader, lesson, state.progress, state.viewport)
  const page = readerPageRows(state.viewport)
  const top = Math.min(reader.scroll, maxReaderScroll(lines, state.viewport))
  const last = Math.min(top + page, lines.length)
  const where = lines.length > page ? ` · ${top + 1}–${last}/${lines.length}` : ''

  return (
    <Box flexDirection="column" width={width} height={height}>
      <TitleBar
        title={`Lesson ${index + 1} · ${lesson?.title ?? reader.lessonId}`}
        right={`${partTitles[reader.part]}${where}`}
      />
      <Box flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden" paddingX={1}>
        {reader.error ? (
          <Text color="red" wrap="wrap">
            {reader.error}
          </Text>
        ) : reader.text === undefined ? (
          <Text dimColor>Opening the lesson…</Text>
        ) : (
          lines.slice(top, top + page).map((line, i) => <LessonLine key={top + i} line={line} />)
        )}
      </Box>
      <StatusBar keys={keysFor(state, reader)} width={width} keep={2} />
    </Box>
  )
}

function LessonLine({ line }: { readonly line: Line }) {
  if (line.tone === 'heading') {
    return (
      <Text bold color="cyan" underline>
        {line.spans.map((span) => span.text).join('')}
      </Text>
    )
  }

  return (
    <Text dimColor={line.tone === 'note'} wrap="truncate-end">
      {line.spans.length === 0 ? ' ' : ''}
      {line.spans.map((span, i) => (
        <Text
          key={i}
          bold={span.style === 'bold'}
          color={span.style === 'code' ? 'cyan' : undefined}
        >
          {span.text}
        </Text>
      ))}
    </Text>
  )
}

function keysFor(state: AppState, reader: LessonReader): readonly KeyHint[] {
  const lesson = state.lessons.find((candidate) => candidate.id === reader.lessonId)
  const other = reader.part === 'idea' ? 'what just happened' : 'the idea'
  const canSwitch = reader.part === 'debrief' || isDebriefOpen(lesson, state.progress)

  // From Home, enter starts the lesson's scenario; from a scenario, enter and q both go back.
  const home = reader.from === 'home'

  return [
    ['↑↓', 'scroll'],
    ...(canSwitch ? [['tab', other] as const] : []),
    ...(home ? [['enter', 'start'] as const] : []),
    ['?', 'help'],
    ['q', home ? 'home' : 'back to the scenario'],
  ]
}
