/**
 * The page's entry: small, so the first paint does not wait on the app. It marks the chosen language
 * for index.html's static frame (boot.css shows that language's lines), waits until that frame is on
 * screen, then imports the app (start.ts): the app's files download, and its modules are evaluated
 * and mounted, after the first paint, never competing with it on a slow device. (No top-level await:
 * the page's script is render-blocking until it has run, so it must end at once.)
 */
import './app.css';
import './boot.css';
import { htmlLang, storedLang } from './lib/i18n/lang';
import { afterFirstContentfulPaint } from './lib/idle';

const lang = storedLang();
document.documentElement.lang = htmlLang(lang);
document.documentElement.dataset.bootLang = lang;

void afterFirstContentfulPaint()
  .then(() => import('./start'))
  // A file of the app that cannot be fetched (offline before the app was ever cached, a deploy
  // that replaced it): the frame says so instead of loading for ever. Nothing saved is touched.
  .catch((error: unknown) => {
    document.documentElement.dataset.bootFailed = '';
    console.error(error);
  });
