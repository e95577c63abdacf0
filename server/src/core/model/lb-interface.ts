// Which interface `interface lbpublic|lbprivate X` designates: the chapter lets X be "the name or IP address" of
// the interface, so X is looked up as a nameif first, then as one of this device's own interface addresses.
import { parseAddress, sameAddress } from '../net/address';
import type { DeviceModel, InterfaceModel } from './device';

export type LbRole = 'lbpublic' | 'lbprivate';

/** The interface whose nameif is `name` (nameif values are case-sensitive). */
export function interfaceNamed(device: DeviceModel, name: string): InterfaceModel | undefined {
  return device.interfaces.find((i) => i.nameif?.value === name);
}

/** The named interface that has `text` as its own (active) IPv4 or IPv6 address; standby addresses are the peer's. */
export function interfaceWithAddress(device: DeviceModel, text: string): InterfaceModel | undefined {
  const wanted = parseAddress(text);
  if (!wanted) return undefined;
  return device.interfaces.find((intf) => {
    if (!intf.nameif) return false;
    const own = [intf.ipv4?.address.value, ...intf.ipv6.map((a) => a.address.value)];
    return own.some((value) => {
      const parsed = value ? parseAddress(value) : null;
      return parsed !== null && sameAddress(parsed, wanted);
    });
  });
}

/** The interface a load-balancing role designates on `device` (by nameif, else by address), if it has one. */
export function lbInterface(device: DeviceModel, role: LbRole, on: DeviceModel = device): InterfaceModel | undefined {
  const setting = device.lb?.[role];
  if (!setting) return undefined;
  return interfaceNamed(on, setting.value) ?? interfaceWithAddress(on, setting.value);
}

/** The nameif a role designates: the interface's own when it is given by address, else the word as written. */
export function lbNameif(device: DeviceModel, role: LbRole): string | null {
  const setting = device.lb?.[role];
  if (!setting) return null;
  return lbInterface(device, role)?.nameif?.value ?? setting.value;
}
