import { BlockList, isIP } from 'node:net'

/** IpAddress matches an address inside a CIDR block or equal to a single address. */
export function compileIp(expected: string): (actual: string) => boolean {
  const [address, prefix] = expected.split('/')
  const family = isIP(address ?? '')
  if (family === 0) return () => false

  const type = family === 4 ? 'ipv4' : 'ipv6'
  const list = new BlockList()
  const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix)
  list.addSubnet(address!, bits, type)

  return (actual) => {
    const actualFamily = isIP(actual)

    return actualFamily !== 0 && list.check(actual, actualFamily === 4 ? 'ipv4' : 'ipv6')
  }
}
