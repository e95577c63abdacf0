// The chevrotain grammar of the commands the product models, and the conversion of its CST to plain commands.
// One parser instance, built on the first line parsed (not at load, so that starting the server waits for nothing),
// is reused for every line (`parser.input = tokens`), as chevrotain advises.
import { CstParser, type CstNode, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import { allTokens, AnyToken, AnyWord, IPv4, keywordToken, Kw, lexCommand } from './lexer';
import { expandKeywords, type AbbreviationMode } from './abbreviations';

/** Identifiers of every command the product understands, load-balancing and global. */
export type CommandId =
  // vpn load-balancing sub-mode
  | 'interface-lbpublic'
  | 'interface-lbprivate'
  | 'priority'
  | 'nat'
  | 'cluster-ip-address'
  | 'cluster-port'
  | 'cluster-encryption'
  | 'cluster-key'
  | 'redirect-fqdn'
  | 'participate'
  // global commands and the sub-modes the checks need
  | 'interface'
  | 'nameif'
  | 'security-level'
  | 'ip-address'
  | 'ipv6-address'
  | 'shutdown'
  | 'management-only'
  | 'crypto-ikev1-enable'
  | 'crypto-ikev2-enable'
  | 'crypto-ca-server'
  | 'ip-local-pool'
  | 'ipv6-local-pool'
  | 'dns-domain-lookup'
  | 'dns-server-group'
  | 'dns-name-server'
  | 'name-server'
  | 'fips-enable'
  | 'mode-multiple'
  | 'context'
  | 'hostname'
  | 'tunnel-group'
  | 'group-url'
  | 'vpn-sessiondb-other'
  | 'vpn-sessiondb-anyconnect'
  | 'name'
  | 'vpn-load-balancing'
  | 'exit';

// Rule name in the grammar → command id. A rule that ends in `args` is a leaf command.
const RULE_TO_COMMAND: Record<string, CommandId> = {
  interfaceLbpublic: 'interface-lbpublic',
  interfaceLbprivate: 'interface-lbprivate',
  interfaceHeader: 'interface',
  priorityCmd: 'priority',
  natCmd: 'nat',
  clusterIpAddress: 'cluster-ip-address',
  clusterPort: 'cluster-port',
  clusterEncryption: 'cluster-encryption',
  clusterKey: 'cluster-key',
  redirectFqdn: 'redirect-fqdn',
  participateCmd: 'participate',
  nameifCmd: 'nameif',
  securityLevel: 'security-level',
  ipAddress: 'ip-address',
  ipLocalPool: 'ip-local-pool',
  ipv6Address: 'ipv6-address',
  ipv6LocalPool: 'ipv6-local-pool',
  shutdownCmd: 'shutdown',
  cryptoIkev1Enable: 'crypto-ikev1-enable',
  cryptoIkev2Enable: 'crypto-ikev2-enable',
  cryptoCaServer: 'crypto-ca-server',
  dnsDomainLookup: 'dns-domain-lookup',
  dnsServerGroup: 'dns-server-group',
  dnsNameServer: 'dns-name-server',
  nameServer: 'name-server',
  fipsEnable: 'fips-enable',
  modeMultiple: 'mode-multiple',
  contextCmd: 'context',
  hostnameCmd: 'hostname',
  tunnelGroup: 'tunnel-group',
  groupUrl: 'group-url',
  vpnSessiondbOther: 'vpn-sessiondb-other',
  vpnSessiondbAnyconnect: 'vpn-sessiondb-anyconnect',
  nameCmd: 'name',
  vpnLoadBalancing: 'vpn-load-balancing',
  exitCmd: 'exit',
  managementOnly: 'management-only',
};

class AsaCommandParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  // Arguments are taken as they come and validated later against the command table,
  // so that messages can name the argument and its expected form instead of a token type.
  private readonly args = this.RULE('args', () => {
    this.MANY(() => this.CONSUME(AnyToken));
  });

  private leaf(name: string, path: TokenType[]): ParserMethod<[], CstNode> {
    return this.RULE(name, () => {
      for (let i = 0; i < path.length; i++) this.CONSUME(path[i]!, { LABEL: `kw${i}` });
      this.SUBRULE(this.args);
    });
  }

  private readonly interfaceLbpublic = this.leaf('interfaceLbpublic', [Kw.interface, Kw.lbpublic]);
  private readonly interfaceLbprivate = this.leaf('interfaceLbprivate', [Kw.interface, Kw.lbprivate]);
  private readonly interfaceHeader = this.leaf('interfaceHeader', [Kw.interface]);
  private readonly priorityCmd = this.leaf('priorityCmd', [Kw.priority]);
  private readonly natCmd = this.leaf('natCmd', [Kw.nat]);
  private readonly clusterIpAddress = this.leaf('clusterIpAddress', [Kw.cluster, Kw.ip, Kw.address]);
  private readonly clusterPort = this.leaf('clusterPort', [Kw.cluster, Kw.port]);
  private readonly clusterEncryption = this.leaf('clusterEncryption', [Kw.cluster, Kw.encryption]);
  private readonly clusterKey = this.leaf('clusterKey', [Kw.cluster, Kw.key]);
  private readonly redirectFqdn = this.leaf('redirectFqdn', [Kw.redirectFqdn]);
  private readonly participateCmd = this.leaf('participateCmd', [Kw.participate]);
  private readonly nameifCmd = this.leaf('nameifCmd', [Kw.nameif]);
  private readonly securityLevel = this.leaf('securityLevel', [Kw.securityLevel]);
  private readonly ipAddress = this.leaf('ipAddress', [Kw.ip, Kw.address]);
  private readonly ipLocalPool = this.leaf('ipLocalPool', [Kw.ip, Kw.local, Kw.pool]);
  private readonly ipv6Address = this.leaf('ipv6Address', [Kw.ipv6, Kw.address]);
  private readonly ipv6LocalPool = this.leaf('ipv6LocalPool', [Kw.ipv6, Kw.local, Kw.pool]);
  private readonly shutdownCmd = this.leaf('shutdownCmd', [Kw.shutdown]);
  private readonly cryptoIkev1Enable = this.leaf('cryptoIkev1Enable', [Kw.crypto, Kw.ikev1, Kw.enable]);
  private readonly cryptoIkev2Enable = this.leaf('cryptoIkev2Enable', [Kw.crypto, Kw.ikev2, Kw.enable]);
  private readonly cryptoCaServer = this.leaf('cryptoCaServer', [Kw.crypto, Kw.ca, Kw.server]);
  private readonly dnsDomainLookup = this.leaf('dnsDomainLookup', [Kw.dns, Kw.domainLookup]);
  private readonly dnsServerGroup = this.leaf('dnsServerGroup', [Kw.dns, Kw.serverGroup]);
  private readonly dnsNameServer = this.leaf('dnsNameServer', [Kw.dns, Kw.nameServer]);
  private readonly nameServer = this.leaf('nameServer', [Kw.nameServer]);
  private readonly fipsEnable = this.leaf('fipsEnable', [Kw.fips, Kw.enable]);
  private readonly modeMultiple = this.leaf('modeMultiple', [Kw.mode, Kw.multiple]);
  private readonly contextCmd = this.leaf('contextCmd', [Kw.context]);
  private readonly hostnameCmd = this.leaf('hostnameCmd', [Kw.hostname]);
  private readonly tunnelGroup = this.leaf('tunnelGroup', [Kw.tunnelGroup]);
  private readonly groupUrl = this.leaf('groupUrl', [Kw.groupUrl]);
  private readonly vpnSessiondbOther = this.leaf('vpnSessiondbOther', [Kw.vpnSessiondb, Kw.maxOtherVpnLimit]);
  private readonly vpnSessiondbAnyconnect = this.leaf('vpnSessiondbAnyconnect', [Kw.vpnSessiondb, Kw.maxAnyconnectLimit]);
  private readonly nameCmd = this.leaf('nameCmd', [Kw.name]);
  private readonly vpnLoadBalancing = this.leaf('vpnLoadBalancing', [Kw.vpn, Kw.loadBalancing]);
  private readonly exitCmd = this.leaf('exitCmd', [Kw.exit]);
  private readonly managementOnly = this.leaf('managementOnly', [Kw.managementOnly]);

  // Commands that share a first keyword are grouped, so every decision needs one token of lookahead at most
  // (two for `interface lbpublic` against `interface HW-ID`); this keeps grammar analysis at start-up cheap.
  private readonly interfaceGroup = this.RULE('interfaceGroup', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.LA(2).tokenType === Kw.lbpublic, ALT: () => this.SUBRULE(this.interfaceLbpublic) },
        { GATE: () => this.LA(2).tokenType === Kw.lbprivate, ALT: () => this.SUBRULE(this.interfaceLbprivate) },
        { ALT: () => this.SUBRULE(this.interfaceHeader) },
      ],
    });
  });

  private readonly clusterGroup = this.RULE('clusterGroup', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.clusterIpAddress) },
      { ALT: () => this.SUBRULE(this.clusterPort) },
      { ALT: () => this.SUBRULE(this.clusterEncryption) },
      { ALT: () => this.SUBRULE(this.clusterKey) },
    ]);
  });

  private readonly ipGroup = this.RULE('ipGroup', () => {
    this.OR([{ ALT: () => this.SUBRULE(this.ipAddress) }, { ALT: () => this.SUBRULE(this.ipLocalPool) }]);
  });

  private readonly ipv6Group = this.RULE('ipv6Group', () => {
    this.OR([{ ALT: () => this.SUBRULE(this.ipv6Address) }, { ALT: () => this.SUBRULE(this.ipv6LocalPool) }]);
  });

  private readonly cryptoGroup = this.RULE('cryptoGroup', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.cryptoIkev1Enable) },
      { ALT: () => this.SUBRULE(this.cryptoIkev2Enable) },
      { ALT: () => this.SUBRULE(this.cryptoCaServer) },
    ]);
  });

  private readonly dnsGroup = this.RULE('dnsGroup', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.dnsDomainLookup) },
      { ALT: () => this.SUBRULE(this.dnsServerGroup) },
      { ALT: () => this.SUBRULE(this.dnsNameServer) },
    ]);
  });

  private readonly sessiondbGroup = this.RULE('sessiondbGroup', () => {
    this.OR([{ ALT: () => this.SUBRULE(this.vpnSessiondbOther) }, { ALT: () => this.SUBRULE(this.vpnSessiondbAnyconnect) }]);
  });

  public readonly command = this.RULE('command', () => {
    this.OPTION(() => this.CONSUME(Kw.no));
    this.OR([
      { ALT: () => this.SUBRULE(this.interfaceGroup) },
      { ALT: () => this.SUBRULE(this.clusterGroup) },
      { ALT: () => this.SUBRULE(this.ipGroup) },
      { ALT: () => this.SUBRULE(this.ipv6Group) },
      { ALT: () => this.SUBRULE(this.cryptoGroup) },
      { ALT: () => this.SUBRULE(this.dnsGroup) },
      { ALT: () => this.SUBRULE(this.sessiondbGroup) },
      { ALT: () => this.SUBRULE(this.priorityCmd) },
      { ALT: () => this.SUBRULE(this.natCmd) },
      { ALT: () => this.SUBRULE(this.redirectFqdn) },
      { ALT: () => this.SUBRULE(this.participateCmd) },
      { ALT: () => this.SUBRULE(this.nameifCmd) },
      { ALT: () => this.SUBRULE(this.securityLevel) },
      { ALT: () => this.SUBRULE(this.shutdownCmd) },
      { ALT: () => this.SUBRULE(this.nameServer) },
      { ALT: () => this.SUBRULE(this.fipsEnable) },
      { ALT: () => this.SUBRULE(this.modeMultiple) },
      { ALT: () => this.SUBRULE(this.contextCmd) },
      { ALT: () => this.SUBRULE(this.hostnameCmd) },
      { ALT: () => this.SUBRULE(this.tunnelGroup) },
      { ALT: () => this.SUBRULE(this.groupUrl) },
      { ALT: () => this.SUBRULE(this.nameCmd) },
      { ALT: () => this.SUBRULE(this.vpnLoadBalancing) },
      { ALT: () => this.SUBRULE(this.exitCmd) },
      { ALT: () => this.SUBRULE(this.managementOnly) },
    ]);
  });
}

let instance: AsaCommandParser | undefined;

/** A word of a command line with its columns on that line. */
export interface Token {
  text: string;
  /** Column of the first character. */
  start: number;
  /** Column just past the last character. */
  end: number;
  /** The lexer's token type name: IPv4, IPv6, Number, Word, Kw_… */
  type: string;
}

/** A command line the grammar recognised. */
export interface Command {
  id: CommandId;
  negated: boolean;
  /** The keywords that selected the command (`no` excluded). */
  keywords: Token[];
  /** Everything after the keywords. */
  args: Token[];
}

export interface ParseResult {
  /** The recognised command, or null when the line is not one the product models. */
  command: Command | null;
  /** Every word of the command text, for messages and "did you mean" on unrecognised lines. */
  tokens: Token[];
}

function toToken(token: IToken, columnOffset: number): Token {
  return {
    text: token.image,
    start: token.startOffset + columnOffset,
    end: token.startOffset + token.image.length + columnOffset,
    type: token.tokenType.name,
  };
}

/**
 * Parses the command text of one line. `columnOffset` is the column where `text` starts on its line
 * (after indentation or a prompt), so every token carries a line column.
 */
export function parseCommand(text: string, columnOffset: number, abbreviations: AbbreviationMode | null = null): ParseResult {
  // Configs repeat lines, and an edit leaves all but one line as they were, so each distinct line is parsed once.
  // Results are shared and must be treated as immutable.
  // One map per column offset, so that looking a line up allocates no key string.
  const key = abbreviations === null ? columnOffset : -1 - columnOffset - (abbreviations === 'lb' ? 0 : 1_000_000);
  let byText = cache.get(key);
  if (!byText) {
    byText = new Map();
    cache.set(key, byText);
  }
  const cached = byText.get(text);
  if (cached) return cached;
  const result = parseUncached(text, columnOffset, abbreviations);
  if (++cacheSize > CACHE_LIMIT) {
    cache.clear();
    cacheSize = 0;
  }
  byText.set(text, result);
  return result;
}

// Bounded so that a stream of distinct lines (a huge file, an edit storm) cannot grow memory without limit.
const CACHE_LIMIT = 20_000;
const cache = new Map<number, Map<string, ParseResult>>();
let cacheSize = 0;

/** Forgets every parsed line; benchmarks call it to measure a cold start. */
export function clearParseCache(): void {
  cache.clear();
  cacheSize = 0;
}

/**
 * Where the lexer stops on a line of very many words: the column just past word LEXED_TOKENS, or the end of the text.
 * The lexer tries its token types one by one on every word; past this point only the words' extents are needed.
 */
function lexedEnd(text: string): number {
  let words = 0;
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isWhiteSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    if (++words > LEXED_TOKENS) return i;
    while (i < text.length && !isWhiteSpace(text.charCodeAt(i))) i++;
  }
  return text.length;
}

/** What `\s` matches, decided by code for the common characters. */
function isWhiteSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(String.fromCharCode(code));
}

/** Words past the lexed part, typed plainly as words (token types serve display only). */
function plainWords(text: string, from: number, columnOffset: number): Token[] {
  const out: Token[] = [];
  for (const match of text.slice(from).matchAll(/\S+/g)) {
    const start = from + match.index;
    out.push({ text: match[0], start: start + columnOffset, end: start + match[0].length + columnOffset, type: 'Word' });
  }
  return out;
}

/** Gives abbreviated keywords (`prio`, `clu ip add`) the token type of the keyword they stand for. */
function expandAbbreviations(raw: IToken[], mode: AbbreviationMode): void {
  const first = raw[0]?.image.toLowerCase() === 'no' ? 1 : 0;
  const keywords = expandKeywords(mode, raw.slice(0, 6).map((t) => t.image));
  for (let k = 0; k < keywords.length; k++) {
    const token = raw[first + k]!;
    const type = keywordToken(keywords[k]!);
    if (!type || token.tokenType === type) continue;
    token.tokenType = type;
    token.tokenTypeIdx = type.tokenTypeIdx!;
  }
}

function parseUncached(text: string, columnOffset: number, abbreviations: AbbreviationMode | null): ParseResult {
  const end = text.length > 200 ? lexedEnd(text) : text.length;
  const raw = lexCommand(end < text.length ? text.slice(0, end) : text);
  if (abbreviations) expandAbbreviations(raw, abbreviations);
  const tokens = raw.map((t) => toToken(t, columnOffset));
  if (end < text.length) for (const word of plainWords(text, end, columnOffset)) tokens.push(word);
  if (raw.length === 0) return { command: null, tokens };
  const parser = (instance ??= new AsaCommandParser());
  // Every command is `no`, at most four keywords, then any tokens as arguments, so the tokens past the first few
  // are arguments whatever they are: they are appended as such instead of going through the parser, which keeps a
  // line of thousands of words cheap.
  parser.input = raw.length > PARSED_TOKENS ? raw.slice(0, PARSED_TOKENS) : raw;
  const cst = parser.command();
  if (parser.errors.length > 0 || !cst) return { command: null, tokens };
  // The command's keywords and arguments are the same token objects as the line's tokens.
  const index = new Map<IToken, number>();
  for (let i = 0; i < Math.min(raw.length, PARSED_TOKENS); i++) index.set(raw[i]!, i);
  const command = toCommand(cst, (t) => tokens[index.get(t)!] ?? toToken(t, columnOffset));
  if (command && tokens.length > PARSED_TOKENS) for (let i = PARSED_TOKENS; i < tokens.length; i++) command.args.push(tokens[i]!);
  return { command, tokens };
}

/** Enough for `no`, the longest keyword path and a few arguments; see parseUncached. */
const PARSED_TOKENS = 8;
/** Words of a line given to the lexer; the rest are split on white space (see lexedEnd). */
const LEXED_TOKENS = 64;

const GROUP_RULES = new Set(['interfaceGroup', 'clusterGroup', 'ipGroup', 'ipv6Group', 'cryptoGroup', 'dnsGroup', 'sessiondbGroup']);

function toCommand(cst: CstNode, token: (t: IToken) => Token): Command | null {
  const negated = (cst.children[Kw.no.name]?.length ?? 0) > 0;
  // Group rules (`clusterGroup`, …) hold exactly one leaf command; step into them.
  let node = cst;
  for (const name in cst.children) {
    const nodes = cst.children[name]!;
    if (GROUP_RULES.has(name) && nodes[0] && 'children' in nodes[0]) node = nodes[0] as CstNode;
  }
  for (const ruleName in node.children) {
    const nodes = node.children[ruleName]!;
    const id = RULE_TO_COMMAND[ruleName];
    const leaf = nodes[0] as CstNode | undefined;
    if (!id || !leaf || !('children' in leaf)) continue;
    const keywordTokens: IToken[] = [];
    for (let i = 0; leaf.children[`kw${i}`]; i++) keywordTokens.push(leaf.children[`kw${i}`]![0] as IToken);
    const argsNode = leaf.children['args']?.[0] as CstNode | undefined;
    const argTokens = ((argsNode?.children[AnyToken.name] ?? []) as IToken[]).slice();
    // Tokens matched through a category are stored under their category name; keep source order.
    if (argTokens.length > 1) argTokens.sort((a, b) => a.startOffset - b.startOffset);
    return { id, negated, keywords: keywordTokens.map(token), args: argTokens.map(token) };
  }
  return null;
}

// Re-exported so the tree builder can decide cheaply whether a line is worth parsing.
export { AnyWord, IPv4 };
