// The one kind of error the scenario validator reports: a field path and a sentence on what is wrong with it.

export interface ScenarioError {
  /** Path of the offending field, as in `members[1].ssl.active`; `scenario` for the document as a whole. */
  field: string;
  /** What is wrong, in lower case, without the field name. */
  message: string;
  /** `field: message`, ready to print on one line. */
  text: string;
}

export function scenarioError(field: string, message: string): ScenarioError {
  return { field, message, text: `${field}: ${message}` };
}

/** Thrown by a run that outgrows the output bound the validator estimated (sessions reconnected more than once). */
export class ScenarioTooLarge extends Error {
  constructor(readonly error: ScenarioError) {
    super(error.text);
    this.name = 'ScenarioTooLarge';
  }
}
