import { Box, Text } from 'ink'
import type { ReactNode } from 'react'

type Props = {
  /** Shortened with an ellipsis when the terminal is narrow. */
  readonly title: string
  /** Kept whole, at the right edge. */
  readonly right?: ReactNode
}

export function TitleBar({ title, right }: Props) {
  return (
    <Box
      flexShrink={0}
      justifyContent="space-between"
      borderStyle="single"
      borderTop={false}
      borderLeft={false}
      borderRight={false}
      borderDimColor
    >
      <Box flexShrink={1}>
        <Text bold wrap="truncate-end">
          {title}
        </Text>
      </Box>
      {right ? (
        <Box flexShrink={0} marginLeft={2}>
          <Text>{right}</Text>
        </Box>
      ) : null}
    </Box>
  )
}
