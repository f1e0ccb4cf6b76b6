import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from './store/appStore.ts';
import { loadDemo } from './store/loading.ts';
import { restoreScenario, startPersisting } from './store/persistence.ts';
import { openShareLink } from './store/shareLink.ts';
import { StoreProvider } from './store/StoreProvider.tsx';
import { App } from './ui/App.tsx';
import './ui/styles.css';

const store = createAppStore();

/** Start-up order: the stored scenario (else the demo), then a share link in the URL, which wins. */
async function hydrate(): Promise<void> {
  if (!restoreScenario(store, window.localStorage)) await loadDemo(store);
  const openedLink = openSharedFragment();
  store.getState().clearHistory(); // opening the page is not an edit to undo
  startPersisting(
    store,
    window.localStorage,
    (flush) => {
      const onHide = () => flush();
      window.addEventListener('pagehide', onHide);
      document.addEventListener('visibilitychange', onHide);
      return () => {
        window.removeEventListener('pagehide', onHide);
        document.removeEventListener('visibilitychange', onHide);
      };
    },
    { writeNow: openedLink },
  );
  // A share link pasted into this tab's address bar opens without a reload.
  window.addEventListener('hashchange', openSharedFragment);
}

/**
 * Opens a share link in the URL once. It is taken out of the address bar first, before it is decoded: left there,
 * it would reopen on every reload and undo the edits made (and stored) since, and a hostile link would strike
 * again on each reload.
 */
function openSharedFragment(): boolean {
  const fragment = window.location.hash;
  if (!fragment.startsWith('#s=')) return false;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return openShareLink(store, fragment);
}
void hydrate();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
