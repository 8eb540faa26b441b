import { Box, Text } from 'ink'
import { freePlayExamples } from '../../content/free-play'

const groups: readonly (readonly [string, readonly (readonly [string, string])[]])[] = [
  [
    'Home',
    [
      ['↑ ↓  enter', 'choose a lesson or scenario, open it'],
      ['q', 'quit'],
    ],
  ],
  [
    'Scenario',
    [
      ['→  space  enter', 'run the next step, or show the outcome'],
      ['←  b', 'take the last step back'],
      ['r', 'restart the scenario'],
      ['p', 'predict mode: answer before each outcome'],
      ['h', 'next hint for this step'],
      ['1 2 3 4  tab', 'panels: policy, grants, world, trail'],
      ['↑ ↓  PgUp PgDn', 'scroll the panel'],
      [':', 'free play: type a command (e re-edits a refused policy)'],
      ['q', 'back to Home'],
    ],
  ],
  [
    'Predicting',
    [
      ['a  d', 'Allow or Deny'],
      ['↑ ↓  enter  s', 'pick the deciding statement, or skip'],
    ],
  ],
  [
    'Anywhere',
    [
      ['?  esc', 'close this help'],
      ['ctrl+c', 'quit'],
    ],
  ],
]

export function HelpOverlay() {
  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      borderColor="cyan"
      paddingX={1}
      flexShrink={1}
      overflow="hidden"
    >
      <Text bold color="cyan">
        Keys
      </Text>
      {groups.map(([group, keys]) => (
        <Box key={group} flexDirection="column">
          {keys.map(([key, what], i) => (
            <Box key={key}>
              <Box width={11} flexShrink={0}>
                <Text bold>{i === 0 ? group : ''}</Text>
              </Box>
              <Box width={16} flexShrink={0}>
                <Text color="cyan">{key}</Text>
              </Box>
              <Text wrap="truncate-end">{what}</Text>
            </Box>
          ))}
        </Box>
      ))}
      <Text bold>Free play</Text>
      <Text dimColor wrap="truncate-end">
        {'  '}
        {freePlayExamples[1]}
      </Text>
      <Text dimColor wrap="truncate-end">
        {'  '}
        {freePlayExamples[4]} · edit orders-key · save my-run.yaml
      </Text>
    </Box>
  )
}
