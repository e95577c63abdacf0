// Splits a name into its stem and trailing digits (`GigabitEthernet0/12` → `GigabitEthernet0/` and `12`).
// A loop from the end rather than `/^(.*?)(\d+)$/`, which backtracks quadratically on a long run of digits.

export interface TrailingNumber {
  stem: string;
  digits: string;
}

/** The stem and the trailing digits, or null when the name does not end in a digit. */
export function splitTrailingNumber(name: string): TrailingNumber | null {
  let i = name.length;
  while (i > 0 && name.charCodeAt(i - 1) >= 48 && name.charCodeAt(i - 1) <= 57) i--;
  return i === name.length ? null : { stem: name.slice(0, i), digits: name.slice(i) };
}
