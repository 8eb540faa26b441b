import { Box, Text } from 'ink'
import { useEffect } from 'react'
import { useMeasuredHeight } from '../hooks/use-measured-height'
import { PanelContent } from '../panels/PanelContent'
import { panelIds, type PanelId, type ScenarioView } from '../state/app-state'
import { ProseWidth } from './Prose'

type Props = {
  /** The panel chosen, its scroll, and the result it describes. */
  readonly view: ScenarioView
  /** Columns available. */
  readonly width: number
  /** Told how far the panel can scroll: its rows past the area's. */
  readonly onScrollLimit?: (limit: number) => void
}

const titles: Readonly<Record<PanelId, string>> = {
  policy: 'Policy',
  grants: 'Grants',
  world: 'World',
  trail: 'Trail',
  json: 'JSON',
}

/** The numbered detail panels under the step; takes whatever height is left and clips the rest. */
export function DetailArea({ view, width, onScrollLimit }: Props) {
  const [body, rows] = useMeasuredHeight()
  const [content, contentRows] = useMeasuredHeight()
  const limit = Math.max(0, contentRows - rows)

  // Scrolling stops at the panel's last line, never into blank rows below it.
  useEffect(() => {
    if (rows > 0) onScrollLimit?.(limit)
  }, [onScrollLimit, limit, rows])

  return (
    <Box flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden">
      {/* A tall panel must not squeeze the tabs out of their row. */}
      <Box flexShrink={0}>
        <Tabs chosen={view.panel} scroll={view.scroll} />
      </Box>
      <Box
        ref={body}
        flexDirection="column"
        flexGrow={1}
        flexShrink={1}
        overflow="hidden"
        paddingX={1}
      >
        <Box ref={content} flexDirection="column" flexShrink={0} marginTop={-view.scroll}>
          {/* The padding takes two columns. */}
          <ProseWidth.Provider value={width - 2}>
            <PanelContent view={view} rows={rows} />
          </ProseWidth.Provider>
        </Box>
      </Box>
    </Box>
  )
}

function Tabs({ chosen, scroll }: { readonly chosen: PanelId; readonly scroll: number }) {
  return (
    <Text wrap="truncate-end">
      {panelIds.map((id, i) => {
        const label = `${i + 1} ${titles[id]}`

        // Brackets as well as inverse: the choice must show without colour (NO_COLOR).
        return (
          <Text key={id}>
            {' '}
            <Text inverse={id === chosen} bold={id === chosen} dimColor={id !== chosen}>
              {id === chosen ? `[${label}]` : ` ${label} `}
            </Text>
          </Text>
        )
      })}
      {scroll > 0 && <Text dimColor>{`  ↑ ${scroll}`}</Text>}
    </Text>
  )
}
