import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { formatIssue, type ContentIssue } from '../../src/content/content-issue'
import { loadScenarioFile, loadScenarioText } from '../../src/content/load-scenario'

const fixtures = fileURLToPath(new URL('../fixtures/scenarios/', import.meta.url))
const fixture = (name: string) => join(fixtures, name)

function issuesOf(path: string): readonly ContentIssue[] {
  const result = loadScenarioFile(path)
  if (result.ok) throw new Error(`expected ${path} to fail to load`)

  return result.issues
}

describe('loadScenarioFile', () => {
  it('loads every section when the scenario is complete and valid', () => {
    const result = loadScenarioFile(fixture('full-scenario.yaml'))
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'))

    const { setup, steps } = result.scenario
    expect(setup.region).toBe('us-east-1')
    expect(setup.accounts.map((account) => account.id)).toEqual(['111122223333', '444455556666'])
    expect(setup.keys[0]).toMatchObject({
      ref: 'orders-key',
      account: '111122223333',
      spec: 'SYMMETRIC_DEFAULT',
      usage: 'ENCRYPT_DECRYPT',
      state: 'Enabled',
      aliases: ['alias/orders'],
      policy: { kind: 'file', path: 'policies/root-only.json', document: { Id: 'root-only' } },
    })
    expect(setup.keys[1]?.policy).toEqual({
      kind: 'template',
      template: 'console',
      admins: ['role/key-admin'],
      users: ['user/alice'],
      allowAdminsToDelete: false,
      externalAccounts: [],
    })
    expect(setup.keys[2]?.policy).toMatchObject({
      kind: 'inline',
      document: { Version: '2012-10-17' },
    })
    expect(setup.accounts[0]?.users[0]?.policies.AliceOrdersKey).toMatchObject({
      kind: 'file',
      path: 'policies/alice-orders-key.json',
      document: { Statement: [{ Sid: 'AllowOrdersKeyUse' }] },
    })
    expect(setup.grants[0]).toMatchObject({ ref: 'worker-grant', operations: ['Decrypt'] })
    const kinds = ['kms', 'kms', 'kms', 'sdk', 'sdk', 'service', 'iam', 'kms', 'clock']
    expect(steps.map((step) => step.do.kind)).toEqual(kinds)
    expect(steps[1]?.predict?.answer).toBe('allowed')
    expect(Object.isFrozen(steps[0]?.do)).toBe(true)
  })

  it('reports the line and column when the YAML is malformed', () => {
    expect(issuesOf(fixture('bad-yaml.yaml'))).toEqual([
      {
        file: fixture('bad-yaml.yaml'),
        line: 10,
        column: 1,
        pointer: '',
        code: 'yaml-syntax',
        message: expect.stringContaining('Flow sequence in block collection'),
      },
    ])
  })

  it('names the declared users when a step acts as an unknown user', () => {
    const issues = issuesOf(fixture('unknown-principal.yaml'))

    expect(issues).toEqual([
      {
        file: fixture('unknown-principal.yaml'),
        line: 15,
        column: 9,
        pointer: '/steps/1/as',
        code: 'unknown-ref',
        message:
          'unknown principal "user/bob": ' +
          'no user bob in account 111122223333 (setup declares: alice, carol)',
      },
    ])
    expect(formatIssue(issues[0]!)).toBe(
      `${fixture('unknown-principal.yaml')}:15:9 /steps/1/as: unknown principal "user/bob": ` +
        'no user bob in account 111122223333 (setup declares: alice, carol)',
    )
  })

  it('reports an unknown key when a KeyId names no declared key', () => {
    expect(issuesOf(fixture('unknown-key.yaml'))).toEqual([
      {
        file: fixture('unknown-key.yaml'),
        line: 17,
        column: 22,
        pointer: '/steps/0/do/args/KeyId',
        code: 'unknown-ref',
        message: expect.stringContaining('unknown key "orders-kye" (did you mean "orders-key"?)'),
      },
    ])
  })

  it('suggests the nearest KMS API when the API name is misspelt', () => {
    expect(issuesOf(fixture('unknown-kms-action.yaml'))).toEqual([
      {
        file: fixture('unknown-kms-action.yaml'),
        line: 16,
        column: 12,
        pointer: '/steps/0/do/kms',
        code: 'schema',
        message: expect.stringContaining('unknown KMS API "Decrpyt" (did you mean "Decrypt"?)'),
      },
    ])
  })

  it('points at the parent mapping when a required field is missing', () => {
    expect(issuesOf(fixture('missing-field.yaml'))).toEqual([
      {
        file: fixture('missing-field.yaml'),
        line: 13,
        column: 5,
        pointer: '/steps/1/as',
        code: 'schema',
        message: 'missing required field `as`',
      },
    ])
  })

  it('reports both problems when one file holds two', () => {
    const file = fixture('two-problems.yaml')

    expect(issuesOf(file)).toEqual([
      {
        file,
        line: 13,
        column: 5,
        pointer: '/steps/0/expcet',
        code: 'schema',
        message: 'unknown field `expcet` (did you mean `expect`?)',
      },
      {
        file,
        line: 14,
        column: 9,
        pointer: '/steps/1/as',
        code: 'unknown-ref',
        message: expect.stringContaining('did you mean role/order-worker?'),
      },
    ])
  })

  it('reports a reference to a later step when a step uses its output early', () => {
    expect(issuesOf(fixture('later-step-ref.yaml'))).toEqual([
      {
        file: fixture('later-step-ref.yaml'),
        line: 19,
        column: 25,
        pointer: '/steps/0/do/args/CiphertextBlob',
        code: 'unknown-ref',
        message: expect.stringContaining('refers to step "encrypt-order", which runs later'),
      },
    ])
  })

  it('reports file-not-found at the file field when a policy file is missing', () => {
    expect(issuesOf(fixture('missing-policy-file.yaml'))).toEqual([
      {
        file: fixture('missing-policy-file.yaml'),
        line: 12,
        column: 15,
        pointer: '/setup/keys/0/policy/file',
        code: 'file-not-found',
        message: expect.stringContaining('policy file "policies/nowhere.json" not found'),
      },
    ])
  })

  it('reports the policy file’s own line and column when its JSON is broken', () => {
    const issues = issuesOf(fixture('broken-policy-json.yaml'))
    const namedAt = `${fixture('broken-policy-json.yaml')}:12 /setup/keys/0/policy/file`

    expect(issues).toEqual([
      {
        file: fixture('policies/broken.json'),
        line: 6,
        column: 7,
        pointer: '',
        code: 'bad-policy-json',
        message: expect.stringContaining(`(named at ${namedAt})`),
      },
    ])
    expect(issues[0]?.message).toMatch(/^invalid JSON: /)
  })

  it('reports file-not-found when the scenario file itself is missing', () => {
    expect(issuesOf(fixture('no-such-scenario.yaml'))).toEqual([
      {
        file: fixture('no-such-scenario.yaml'),
        pointer: '',
        code: 'file-not-found',
        message: expect.stringContaining('Failed to read scenario file'),
      },
    ])
  })
})

const minimal = (steps: string, setupExtra = '') => `formatVersion: 1
id: inline-case
title: An inline case
summary: Written in the test.
lesson: basics
setup:
  accounts:
    - id: "111122223333"
      users: [{ name: alice }]
${setupExtra}steps:
${steps}`

function issuesIn(text: string): readonly ContentIssue[] {
  const result = loadScenarioText(text, 'inline.yaml', () => '{}')

  return result.ok ? [] : result.issues
}

describe('loadScenarioText', () => {
  it('reads policy files through the given reader when one is passed', () => {
    const files: Record<string, string> = {
      'scenarios/policies/p.json': '{ "Version": "2012-10-17" }',
    }
    const setup = '  keys:\n    - ref: k\n      policy: { file: policies/p.json }\n'
    const result = loadScenarioText(
      minimal('  - as: user/alice\n    do: { kms: DescribeKey, args: { KeyId: k } }\n', setup),
      'scenarios/s.yaml',
      (path) => files[path] ?? '',
    )

    expect(result.ok && result.scenario.setup.keys[0]?.policy).toEqual({
      kind: 'file',
      path: 'policies/p.json',
      document: { Version: '2012-10-17' },
    })
  })

  it('reports a misspelt required field once, as an unknown field', () => {
    const issues = issuesIn(minimal('  - ass: user/alice\n    do: { kms: ListKeys }\n'))

    expect(issues.map((issue) => [issue.pointer, issue.message])).toEqual([
      ['/steps/0/ass', 'unknown field `ass` (did you mean `as`?)'],
    ])
  })

  it('reports a duplicate when two steps share an id', () => {
    const step = '  - id: twice\n    as: root\n    do: { kms: ListKeys }\n'
    const issues = issuesIn(minimal(step + step))

    expect(issues).toMatchObject([{ line: 14, pointer: '/steps/1/id', code: 'duplicate-id' }])
  })

  it('accepts a user created by an earlier step as a later actor', () => {
    const steps =
      '  - as: root\n    do: { iam: CreateUser, args: { UserName: carol } }\n' +
      '  - as: user/carol\n    do: { kms: ListKeys }\n'

    expect(issuesIn(minimal(steps))).toEqual([])
  })

  it('skips the key check when a step expects NotFoundException', () => {
    const steps =
      '  - as: root\n    do: { kms: DescribeKey, args: { KeyId: gone } }\n' +
      '    expect: { error: NotFoundException }\n'

    expect(issuesIn(minimal(steps))).toEqual([])
  })

  it('asks for quotes when an account id is written as a number', () => {
    const quoted = minimal('  - as: root\n    do: { kms: ListKeys }\n')
    const text = quoted.replace('"111122223333"', '111122223333')

    expect(issuesIn(text)).toMatchObject([
      {
        line: 8,
        pointer: '/setup/accounts/0/id',
        message: expect.stringContaining('put it in quotes'),
      },
    ])
  })

  it('never throws and always locates issues when given arbitrary text', () => {
    const texts = fc.oneof(
      fc.string(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
    )

    fc.assert(
      fc.property(texts, (text) => {
        const result = loadScenarioText(text, 'fuzz.yaml', () => '{}')

        return result.ok || result.issues.every((issue) => issue.file === 'fuzz.yaml')
      }),
    )
  })
})

describe('docs/scenario-format.md', () => {
  it('loads its complete example when given the policy files it shows', () => {
    const docs = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8')
    const example = docs.slice(docs.indexOf('## Complete example'))
    const blocks = [...example.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)].map((m) => m[2] ?? '')
    const [scenario = '', rootOnly, aliceOrdersKey] = blocks
    const files: Record<string, string | undefined> = {
      'scenarios/policies/root-only.json': rootOnly,
      'scenarios/policies/alice-orders-key.json': aliceOrdersKey,
    }

    const result = loadScenarioText(scenario, 'scenarios/grant-opens-one-door.yaml', (path) => {
      const text = files[path]
      if (text === undefined) throw Object.assign(new Error(`no ${path}`), { code: 'ENOENT' })
      return text
    })

    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([])
  })
})

describe('loadScenarioText on damaged input', () => {
  const valid = parse(readFileSync(fixture('full-scenario.yaml'), 'utf8')) as unknown
  const paths = pathsIn(valid)

  it('never throws when any part of a valid scenario is replaced', () => {
    const damage = fc.tuple(fc.constantFrom(...paths), fc.jsonValue())

    fc.assert(
      fc.property(damage, ([path, value]) => {
        const text = stringify(replaceAt(valid, path, value))
        const result = loadScenarioText(text, fixture('damaged.yaml'))

        return result.ok || result.issues.every((issue) => issue.message.length > 0)
      }),
      { numRuns: 300 },
    )
  })
})

type Path = readonly (string | number)[]

function pathsIn(value: unknown, path: Path = []): readonly Path[] {
  const children =
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, item]) =>
          pathsIn(item, [...path, Array.isArray(value) ? Number(key) : key]),
        )
      : []

  return [path, ...children]
}

function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  const [head, ...rest] = path
  if (head === undefined) return replacement
  if (Array.isArray(value)) {
    return value.map((item, i) => (i === head ? replaceAt(item, rest, replacement) : item))
  }
  const record = value as Record<string, unknown>

  return { ...record, [head]: replaceAt(record[head], rest, replacement) }
}

describe('formatIssue', () => {
  it('leaves out the position when the issue has no line', () => {
    const issue: ContentIssue = {
      file: 'a.yaml',
      pointer: '/id',
      code: 'schema',
      message: 'bad id',
    }

    expect(formatIssue(issue)).toBe('a.yaml /id: bad id')
  })

  it('leaves out the pointer when the issue is about the whole file', () => {
    const issue: ContentIssue = {
      file: 'a.json',
      line: 3,
      column: 2,
      pointer: '',
      code: 'bad-policy-json',
      message: 'not an object',
    }

    expect(formatIssue(issue)).toBe('a.json:3:2: not an object')
  })
})
