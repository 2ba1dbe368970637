import { render } from 'preact';
import { handshakeMessage } from '@/messaging/tooltip-channel';
import { DataProvider } from '@/ui-data/context';
import { uiLocale } from '@/ui-data/i18n';
import { createBackgroundSource } from '@/ui-data/background-source';
import { App } from './App';
import '@/assets/tooltip.css';
import '@/assets/note-editor.css';

// The nonce in our URL hash is known only to the content script that created this frame (its
// element lives in a closed shadow root); a `connect` without it, or a second one, is ignored.
const nonce = location.hash.slice(1);
document.documentElement.lang = uiLocale;
let connected = false;

window.addEventListener('message', (event) => {
  const parsed = handshakeMessage.safeParse(event.data);
  const port = event.ports[0];
  if (connected || !parsed.success || parsed.data.nonce !== nonce || !port) return;
  connected = true;
  // Framed in a web page, this extension page is a third-party context: Chromium denies it IndexedDB
  // ("The user denied permission to access the database", seen), so its data source is the
  // background, asked for the one entry it shows.
  const root = document.getElementById('app');
  if (root)
    render(
      <DataProvider source={createBackgroundSource()}>
        <App port={port} />
      </DataProvider>,
      root,
    );
});
