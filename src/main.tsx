import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from './store/appStore.ts';
import { loadDemo } from './store/loading.ts';
import { StoreProvider } from './store/StoreProvider.tsx';
import { App } from './ui/App.tsx';
import './ui/styles.css';

const store = createAppStore();
void loadDemo(store);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
