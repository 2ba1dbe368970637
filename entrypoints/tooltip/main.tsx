import { render } from 'preact';
import { connectMessage } from '@/messaging/tooltip-channel';
import { sendMessage } from '@/messaging/protocol';
import { App } from './App';
import '@/assets/tooltip.css';
import '@/assets/note-editor.css';

// The nonce in our URL hash is known only to the content script that created this frame (its
// element lives in a closed shadow root); a `connect` without it, or a second one, is ignored.
const nonce = location.hash.slice(1);
document.documentElement.lang = browser.i18n.getUILanguage();
let connected = false;
// Framed in a web page, this extension page is a third-party context: Chromium denies it IndexedDB
// ("The user denied permission to access the database", seen), so it asks the background, which
// owns the database. Entries are fetched once, when the frame is prepared at idle time, so showing
// a term is a render.
const entries = sendMessage('getEntriesByPart', {}).then(
  (byPart) => new Map(Object.values(byPart).flatMap((list) => list.map((e) => [e.id, e] as const))),
);

window.addEventListener('message', (event) => {
  const parsed = connectMessage.safeParse(event.data);
  const port = event.ports[0];
  if (connected || !parsed.success || parsed.data.nonce !== nonce || !port) return;
  connected = true;
  void entries.then((byId) => {
    const root = document.getElementById('app');
    if (root) render(<App port={port} entries={byId} />, root);
  });
});
