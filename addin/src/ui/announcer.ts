/**
 * Status messages for screen readers: one polite live region for progress and results. Errors
 * use the alert region of the error display instead, which interrupts.
 */
export class Announcer {
  constructor(private readonly region: HTMLElement) {}

  announce(message: string): void {
    // Clearing first makes a repeated message ("Kontrollerar…" twice) be read again.
    this.region.textContent = '';
    window.setTimeout(() => {
      this.region.textContent = message;
    }, 50);
  }
}
