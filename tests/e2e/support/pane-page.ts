/**
 * What every end-to-end test does with the pane's page: record its requests and fail on its
 * errors, sign in with the development login, take a screenshot that also checks what a
 * screenshot cannot show, and close everything it opened.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../../support/node-process';

export const ARTIFACTS = path.join(repoRoot, 'test-artifacts', 'e2e');

/**
 * Every request the page sends (to assert what leaves it); any error in the page, or anything
 * its CSP blocks, fails the test.
 */
export function watchPage(page: Page, requests: { url: string; method: string; body: string }[]): void {
  page.on('request', (request) =>
    requests.push({ url: request.url(), method: request.method(), body: request.postData() ?? '' }),
  );
  page.on('pageerror', (error) => {
    throw error;
  });
  // Anything the Content-Security-Policy blocks is something the pane tried to load or run.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      throw new Error(`blocked by the pane's CSP: ${message.text()}`);
  });
}

/** Closes a suite's browser context, browser, pane server and stack, whichever were started. */
export async function closeAll(opened: {
  context?: { close(): Promise<void> };
  browser?: { close(): Promise<void> };
  pane?: { close(): Promise<void> };
  stack?: { stop(): Promise<void> };
}): Promise<void> {
  await opened.context?.close();
  await opened.browser?.close();
  await opened.pane?.close();
  await opened.stack?.stop();
}

export async function signIn(page: Page, role: 'reporter' | 'kansli', party?: string): Promise<void> {
  await page.getByRole('heading', { name: 'Logga in' }).waitFor();
  await page.selectOption('select[name=forbund]', 'umearegionen');
  await page.selectOption('select[name=role]', role);
  if (party) await page.selectOption('select[name=party]', party);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
}

/**
 * Saves a screenshot to test-artifacts/e2e/, and checks that nothing is wider than the pane (a
 * task pane is narrow) and every visible form control has a label a screen reader reads.
 */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  const layout = await page.evaluate(() => {
    const unlabelled = [
      ...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
        'input, select, textarea',
      ),
    ]
      .filter((el) => el.closest('[hidden]') === null)
      .filter(
        (el) => (el.labels?.length ?? 0) === 0 && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'),
      )
      .map((el) => el.name || el.outerHTML.slice(0, 60));
    // Nothing hides off the pane's edge in a scroller of its own either: every navigation item is in view.
    const nav = [...document.querySelectorAll<HTMLElement>('.nav-item')]
      .filter((item) => item.getBoundingClientRect().right > window.innerWidth)
      .map((item) => item.textContent);
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, nav, unlabelled };
  });
  expect(layout).toEqual({ overflow: 0, nav: [], unlabelled: [] });
}
