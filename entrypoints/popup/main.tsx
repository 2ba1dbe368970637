import { render } from 'preact';
import { App } from './App';
import { t } from '@/i18n/t';
import '@/assets/popup.css';
import '@/assets/note-editor.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('popupTitle');
const root = document.getElementById('app');
if (root) render(<App />, root);
