// The page's one live region: it says what changed (who gets the next session, a placement run, a decision reached
// with the buttons, a field that cannot be used) once, instead of whole sections announcing themselves again on
// every update while the user types.
import { el } from './dom';

export class Announcer {
  constructor(private readonly region: HTMLElement) {}

  say(text: string): void {
    if (text === '') return;
    // A new node each time, so the same sentence said twice (Place pressed twice) is announced twice.
    this.region.replaceChildren(el('p', { text }));
  }
}
