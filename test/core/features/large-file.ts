// Builds a large, realistic device config for the cost tests and the benchmark: interfaces, tens of thousands of
// access-list and object lines the product does not model, and the load-balancing block at the very end.

export interface LargeFile {
  text: string;
  /** Line numbers of places the tests put the cursor on. */
  lines: {
    lbBlank: number;
    priority: number;
    vip: number;
    lbprivate: number;
    cryptoIkev1: number;
    header: number;
    end: number;
  };
}

export function largeConfig(totalLines: number): LargeFile {
  const head = [
    ': Saved',
    'ASA Version 9.16(4)',
    'hostname big-fw',
    'interface GigabitEthernet0/0',
    ' nameif outside',
    ' security-level 0',
    ' ip address 192.0.2.10 255.255.255.0',
    'interface GigabitEthernet0/1',
    ' nameif inside',
    ' security-level 100',
    ' ip address 10.0.0.10 255.255.255.0',
    'crypto ikev1 enable inside',
  ];
  const tail = [
    'vpn load-balancing',
    ' interface lbpublic outside',
    ' interface lbprivate inside',
    ' priority 7',
    ' cluster ip address 192.0.2.100',
    ' ',
    ' participate',
  ];
  const filler: string[] = [];
  for (let i = 0; filler.length < totalLines - head.length - tail.length - 1; i++) {
    // A mix of lines real configs are made of: most are not modelled, some open blocks, some name interfaces.
    if (i % 10 === 0)
      filler.push(`object network HOST-${i}`, ` host 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    else if (i % 10 === 1) filler.push(`route inside 10.${(i >> 8) & 255}.${i & 255}.0 255.255.255.0 10.0.0.1 1`);
    else filler.push(`access-list OUTSIDE-IN extended permit tcp any host 192.0.2.${i % 250} eq ${1000 + (i % 5000)}`);
  }
  const lines = [...head, ...filler, ...tail];
  const headerLine = head.length + filler.length;
  return {
    text: lines.join('\n') + '\n',
    lines: {
      cryptoIkev1: head.length - 1,
      header: headerLine,
      lbprivate: headerLine + 2,
      priority: headerLine + 3,
      vip: headerLine + 4,
      lbBlank: headerLine + 5,
      end: lines.length,
    },
  };
}
