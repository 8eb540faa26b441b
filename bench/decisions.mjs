// Decisions per second with full explanation over a realistic mix of requests.
// Run through `npm run bench` (which builds first); prints one figure per mix.
import { evaluate, parsePolicy } from '../dist/index.js'

const A = '111122223333'
const B = '444455556666'
const keyArn = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`
const admin = `arn:aws:iam::${A}:role/KeyAdmin`
const user = `arn:aws:iam::${A}:role/AppRole`

function policy(json, kind) {
  const parsed = parsePolicy(json, kind)
  if (!parsed.ok) throw new Error(parsed.error.message)

  return parsed.policy
}

const consolePolicy = policy({
  Version: '2012-10-17',
  Id: 'key-consolepolicy-3',
  Statement: [
    { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' },
    {
      Sid: 'Allow access for Key Administrators', Effect: 'Allow', Principal: { AWS: admin },
      Action: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'],
      Resource: '*',
    },
    {
      Sid: 'Allow use of the key', Effect: 'Allow', Principal: { AWS: [user, `arn:aws:iam::${B}:root`] },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'], Resource: '*',
    },
    {
      Sid: 'Allow attachment of persistent resources', Effect: 'Allow', Principal: { AWS: [user, `arn:aws:iam::${B}:root`] },
      Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'], Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    },
    {
      Sid: 'Deny outside tenant', Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*',
      Condition: { StringNotEqualsIfExists: { 'kms:EncryptionContext:tenant': ['acme', 'globex'] } },
    },
  ],
}, 'key')

const daveIam = policy({ Statement: [{ Sid: 'UseSharedKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: keyArn }] }, 'identity')
const aliceIam = policy({ Statement: [
  { Sid: 'ReadOnly', Effect: 'Allow', Action: ['kms:Describe*', 'kms:List*', 'kms:Get*'], Resource: '*' },
  { Sid: 'TenantData', Effect: 'Allow', Action: 'kms:GenerateDataKey*', Resource: `arn:aws:kms:*:${A}:key/*`, Condition: { StringEquals: { 'kms:EncryptionContext:tenant': '${aws:username}' } } },
] }, 'identity')

const grants = [
  { grantId: 'g-ebs', granteePrincipal: `arn:aws:sts::${A}:assumed-role/aws:ec2-infrastructure/i-0abc`, operations: ['Decrypt'], constraints: { encryptionContextSubset: { 'aws:ebs:id': 'vol-1' } } },
  { grantId: 'g-lambda', granteePrincipal: `arn:aws:iam::${A}:role/FnRole`, operations: ['Decrypt', 'Encrypt'] },
]
const key = { arn: keyArn, policy: consolePolicy, grants }

const mix = [
  { principal: `arn:aws:sts::${A}:assumed-role/AppRole/s1`, action: 'kms:Decrypt', key, encryptionContext: { tenant: 'acme' } },
  { principal: `arn:aws:sts::${A}:assumed-role/KeyAdmin/s2`, action: 'kms:PutKeyPolicy', key },
  { principal: `arn:aws:sts::${A}:assumed-role/KeyAdmin/s2`, action: 'kms:Decrypt', key },
  { principal: `arn:aws:iam::${B}:user/Dave`, action: 'kms:Decrypt', key, identityPolicies: [{ owner: `arn:aws:iam::${B}:user/Dave`, policy: daveIam }], encryptionContext: { tenant: 'globex' } },
  { principal: `arn:aws:iam::${A}:user/acme`, action: 'kms:GenerateDataKey', key, identityPolicies: [{ owner: `arn:aws:iam::${A}:user/acme`, policy: aliceIam }], encryptionContext: { tenant: 'acme' } },
  { principal: `arn:aws:sts::${A}:assumed-role/aws:ec2-infrastructure/i-0abc`, action: 'kms:Decrypt', key, encryptionContext: { 'aws:ebs:id': 'vol-1' } },
  { principal: `arn:aws:sts::${A}:assumed-role/AppRole/s1`, action: 'kms:CreateGrant', key, context: { 'kms:GrantIsForAWSResource': 'true', 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' }, grantRequest: { granteePrincipal: `arn:aws:iam::${A}:role/FnRole`, operations: ['Decrypt'] } },
  { principal: 'logs.us-east-1.amazonaws.com', action: 'kms:GenerateDataKey', key },
  { principal: `arn:aws:iam::${A}:user/acme`, action: 'kms:ListKeys', identityPolicies: [{ owner: `arn:aws:iam::${A}:user/acme`, policy: aliceIam }] },
  { principal: `arn:aws:sts::${A}:assumed-role/FnRole/f`, action: 'kms:Decrypt', key },
]

export function benchDecisions(seconds = 2) {
  for (let i = 0; i < 20_000; i++) evaluate(mix[i % mix.length])

  let count = 0
  const verdicts = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 }
  const start = performance.now()
  const end = start + seconds * 1000
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) {
      const decision = evaluate(mix[i % mix.length])
      verdicts[decision.verdict]++
    }

    count += 1000
  }

  const elapsed = (performance.now() - start) / 1000

  return { perSecond: Math.round(count / elapsed), verdicts }
}
