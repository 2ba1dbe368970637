import { PageController } from '@/page/controller';
import '@/assets/highlight.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  // As soon as the DOM can be read: what we highlight with is read from storage, not awaited from the background.
  runAt: 'document_end',
  async main(ctx) {
    await new PageController(ctx).start();
  },
});
