import { Box, Text } from 'ink'
import { frameSize } from '../layout'
import type { Viewport } from '../state/app-state'
import {
  groupColumn,
  helpLines,
  helpPageRows,
  keyColumn,
  maxHelpScroll,
  wideHelp,
  type HelpLine,
} from '../help/help-lines'

type Props = {
  /** The terminal the help is laid out for. */
  readonly viewport: Viewport
  /** The first row shown when the help is taller than the terminal. */
  readonly scroll: number
}

/** Every key, in a box that fits the terminal; ↑↓ scroll it when it is taller. */
export function HelpOverlay({ viewport, scroll }: Props) {
  const lines = helpLines(viewport.columns)
  const page = helpPageRows(viewport)
  const top = Math.min(scroll, maxHelpScroll(viewport))
  const below = lines.length - top - page
  const wide = viewport.columns >= wideHelp

  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      borderColor="cyan"
      paddingX={1}
      height={frameSize(viewport).height}
      flexShrink={0}
      overflow="hidden"
    >
      <Text wrap="truncate-end">
        <Text bold color="cyan">
          Keys
        </Text>
        <Text dimColor>
          {' · esc closes'}
          {top > 0 || below > 0 ? ` · ↑↓ ${top + 1}–${top + page}/${lines.length}` : ''}
        </Text>
      </Text>
      <Box flexDirection="column" height={page} overflow="hidden">
        {lines.slice(top, top + page).map((line, i) => (
          <Row key={top + i} line={line} wide={wide} />
        ))}
      </Box>
    </Box>
  )
}

function Row({ line, wide }: { readonly line: HelpLine; readonly wide: boolean }) {
  if (line.kind === 'heading') return <Text bold>{line.text}</Text>
  if (line.kind === 'text')
    return (
      <Text dimColor wrap="truncate-end">
        {line.text}
      </Text>
    )

  return (
    <Box>
      {wide && (
        <Box width={groupColumn} flexShrink={0}>
          <Text bold>{line.group}</Text>
        </Box>
      )}
      <Box width={keyColumn} flexShrink={0}>
        <Text color="cyan">{line.key}</Text>
      </Box>
      <Text wrap="truncate-end">{line.what}</Text>
    </Box>
  )
}
