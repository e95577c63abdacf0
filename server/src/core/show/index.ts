// The `show vpn load-balancing` parser's public surface.
export { parseShowVpnLoadBalancing } from './parse-show';
export { normaliseRole } from './roles';
export type { ShowLayout, ShowOutput, ShowParseResult, ShowPeer, ShowRole, ShowTypeLoad, ShowWarning } from './types';
