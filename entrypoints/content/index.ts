import { PageController } from '@/page/controller';
import '@/assets/highlight.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    await new PageController(ctx).start();
  },
});
