import { render } from 'ink-testing-library'
import { describe, expect, it } from 'vitest'
import { StatementPicker } from '../../src/ui/components/StatementPicker'
import type { StatementOption } from '../../src/ui/state/prediction'

const options: readonly StatementOption[] = [
  ...Array.from({ length: 6 }, (_, i) => ({
    ref: `key-policy:S${i}`,
    group: 'Key policy',
    label: `Allow "S${i}"`,
  })),
  {
    ref: 'identity:arn:aws:iam::111122223333:user/bob:Deny',
    group: 'IAM policies of user/bob',
    label: 'Deny "Deny"',
  },
  { ref: 'grant:g-1', group: 'Grants', label: 'grant g-1' },
  { ref: null, group: '', label: 'none of them decides' },
]

describe('StatementPicker', () => {
  it('lists every option under the heading of where it lives', () => {
    const { lastFrame } = render(<StatementPicker options={options} cursor={0} rows={0} />)
    const frame = lastFrame() ?? ''

    expect(frame).toContain('Which statement or grant decides?')
    for (const heading of ['Key policy', 'IAM policies of user/bob', 'Grants']) {
      expect(frame).toMatch(new RegExp(`^${heading}$`, 'm'))
    }
    expect(frame).toContain('❯ Allow "S0"')
    expect(frame.indexOf('grant g-1')).toBeLessThan(frame.indexOf('none of them decides'))
  })

  it('keeps the cursor in view when the list is taller than its rows', () => {
    const { lastFrame } = render(<StatementPicker options={options} cursor={7} rows={5} />)
    const lines = (lastFrame() ?? '').split('\n')

    expect(lines).toHaveLength(5)
    expect(lines[0]).toMatch(/Which statement or grant decides\? \(↑ \d+ more\)/)
    expect(lines).toContain('❯ grant g-1')
  })
})
