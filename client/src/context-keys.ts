// The context keys the extension sets, which package.json's `when` clauses and walkthrough completion events read.

/** True once the extension has found a device configuration (the walkthrough's first step waits for it). */
export const DEVICE_CONFIGS_FOUND = 'asaLb.deviceConfigsFound';
