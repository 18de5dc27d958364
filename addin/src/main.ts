import './styles.css';
import { App } from './app';
import { toPaneError } from './api/api-error';
import { loadRuntimeConfig } from './config/load-runtime-config';
import { detectHost } from './host/office-host';

/** Start-up: configuration, then the host (Office.onReady), then the shell. */
async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  try {
    const [config, host] = await Promise.all([loadRuntimeConfig(), detectHost()]);
    new App(root, config, host).start();
  } catch (error) {
    // Without configuration nothing else can show an error, so this one writes it directly.
    const e = toPaneError(error);
    root.innerHTML = '';
    const box = document.createElement('div');
    box.className = 'message-bar error';
    box.setAttribute('role', 'alert');
    box.textContent = e.messageSv;
    root.append(box);
    console.error(e.options.cause ?? e);
  }
}

void main();
