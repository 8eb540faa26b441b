import { wrapWords } from '../format'
import { frameSize } from '../layout'
import type { Viewport } from '../state/app-state'

/** One row of the help: a heading, or a key and what it does. */
export type HelpLine =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'key'; readonly group: string; readonly key: string; readonly what: string }
  | { readonly kind: 'text'; readonly text: string }

type Group = readonly [name: string, keys: readonly (readonly [key: string, what: string])[]]

const groups: readonly Group[] = [
  ['Home', [['↑ ↓  enter', 'choose; enter opens a lesson or a scenario']]],
  [
    'Lesson',
    [
      ['tab', 'The idea, or What just happened once played'],
      ['enter  →', 'start the lesson’s scenario'],
    ],
  ],
  [
    'Scenario',
    [
      ['→  space  enter', 'run the next step, or show the outcome'],
      ['←  b', 'take the last step back'],
      ['r', 'restart the scenario'],
      ['p', 'predict mode: answer before each outcome'],
      ['h', 'next hint: this step’s, then the lesson’s'],
      ['1 2 3 4 5  tab', 'panels: policy, grants, world, trail, JSON'],
      [':', 'free play: type a command (e re-edits a refused policy)'],
    ],
  ],
  [
    'Predicting',
    [
      ['a  d', 'Allow or Deny'],
      ['↑ ↓  enter', 'pick the deciding statement or grant'],
      ['s  →', 'skip the pick and show the outcome'],
    ],
  ],
  [
    'Free play',
    [
      ['e.g.', 'as alice Encrypt orders-key Plaintext=hi'],
      ['', 'advance 1 day · edit orders-key · save run.yaml'],
    ],
  ],
  [
    'Anywhere',
    [
      ['l', 'the lesson’s text'],
      ['↑ ↓  PgUp PgDn', 'scroll the lesson, the panel or this help'],
      ['q', 'back; from Home, quit'],
      ['?  esc', 'close this help'],
      ['ctrl+c', 'quit'],
    ],
  ],
]

/** Columns for the group's name and for the key, in the wide layout. */
export const groupColumn = 11
export const keyColumn = 16

/** Terminals at least this wide show the group, the key and its meaning side by side. */
export const wideHelp = 60

/**
 * The help as rows for a width. Wide: a key per row, the group named on its
 * first, a long meaning wrapped in its own column. Narrow: each group under
 * a heading, and a key's meaning wrapped under it when it does not fit
 * beside it.
 */
export function helpLines(width: number): readonly HelpLine[] {
  const inner = width - 4

  if (width >= wideHelp) {
    const rows = groups.flatMap(([group, keys]) =>
      keys.flatMap(([key, what], i) =>
        wrapWords(what, inner - groupColumn - keyColumn)
          .split('\n')
          .map((part, row) => ({
            kind: 'key' as const,
            group: i === 0 && row === 0 ? group : '',
            key: row === 0 ? key : '',
            what: part,
          })),
      ),
    )

    return rows
  }

  const rows = groups.flatMap(([group, keys]): HelpLine[] => [
    { kind: 'heading', text: group },
    ...keys.flatMap(([key, what]) => narrowKey(key, what, inner)),
  ])

  return rows
}

/** Rows of help on screen: the frame less its border (two rows) and its title line. */
export function helpPageRows(viewport: Viewport): number {
  return Math.max(1, frameSize(viewport).height - 3)
}

/** The furthest the help can scroll. */
export function maxHelpScroll(viewport: Viewport): number {
  return Math.max(0, helpLines(viewport.columns).length - helpPageRows(viewport))
}

// The key, then its meaning on the same row when both fit, else wrapped below it.
function narrowKey(key: string, what: string, inner: number): readonly HelpLine[] {
  if (keyColumn + [...what].length <= inner) return [{ kind: 'key', group: '', key, what }]

  return [{ kind: 'key', group: '', key, what: '' }, ...indented(what, inner)]
}

function indented(text: string, inner: number): readonly HelpLine[] {
  return wrapWords(text, inner - 2)
    .split('\n')
    .map((line) => ({ kind: 'text' as const, text: `  ${line}` }))
}
