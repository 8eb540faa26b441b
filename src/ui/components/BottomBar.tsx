import { Box, Text } from 'ink'
import type { ScenarioView } from '../state/app-state'
import { StatusBar, type KeyHint } from './StatusBar'

type Props = {
  /** For the message, the prompt and the phase. */
  readonly view: ScenarioView
  /** Named in the status line. */
  readonly predictMode: boolean
  /** Columns available: the key hints that do not fit are left out. */
  readonly width: number
}

/** The message of the last command, then the free-play prompt or the keys that work now. */
export function BottomBar({ view, predictMode, width }: Props) {
  const { message, prompt } = view

  return (
    <Box flexDirection="column" flexShrink={0}>
      {message && (
        <Text color={message.tone === 'error' ? 'red' : 'green'} wrap="wrap">
          {message.text}
        </Text>
      )}
      {prompt ? (
        <Box flexDirection="column">
          <Text wrap="truncate-start">
            <Text bold color="magenta">
              :{' '}
            </Text>
            {prompt.text}
            <Text inverse> </Text>
          </Text>
          <StatusBar keys={promptKeys} />
        </Box>
      ) : (
        <StatusBar keys={keysFor(view, predictMode)} width={width} keep={2} />
      )}
    </Box>
  )
}

const promptKeys: readonly KeyHint[] = [
  ['enter', 'run'],
  ['esc', 'cancel'],
  ['↑↓', 'history'],
  ['e.g.', 'as alice Encrypt orders-key Plaintext=hi · advance 1 day · edit <key> · save <file>'],
]

// Each list ends with help and the way out, which always show; the rest fit as they can.
function keysFor(view: ScenarioView, predictMode: boolean): readonly KeyHint[] {
  const end: readonly KeyHint[] = [
    ['?', 'help'],
    ['q', 'home'],
  ]

  if (view.phase.kind === 'verdict') {
    return [['a', 'Allow'], ['d', 'Deny'], ['→', 'skip'], ['h', 'hint'], ['l', 'lesson'], ...end]
  }

  if (view.phase.kind === 'statement') {
    return [['↑↓', 'choose'], ['enter', 'pick'], ['s →', 'skip'], ['h', 'hint'], ...end]
  }

  if (view.snapshot?.finished) {
    return [
      ['r', 'restart'],
      ['l', 'lesson'],
      ['←', 'back'],
      [':', 'play'],
      ['1-5', 'panels'],
      ...end,
    ]
  }

  return [
    ...(view.draft ? [['e', 'edit again'] as const] : []),
    ['→', 'next'],
    ['←', 'back'],
    ['1-5', 'panels'],
    ['h', 'hint'],
    ['l', 'lesson'],
    [':', 'play'],
    ['p', predictMode ? 'predict off' : 'predict'],
    ['r', 'restart'],
    ...end,
  ]
}
