/**
 * The React binding of the store: one store per <StoreProvider> (tests make their own), read with
 * `useAppStore(selector)`. The UI imports zustand only through here.
 */
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStore, AppStoreApi } from './appStore.ts';

const StoreContext = createContext<AppStoreApi | null>(null);

export function StoreProvider({ store, children }: { store: AppStoreApi; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStoreApi(): AppStoreApi {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <StoreProvider>');
  return store;
}

/**
 * Subscribes to one selected value; selectors must be defined at module scope (stable identity). Their memoised
 * results live in this provider's store (memo.ts), so two providers on one page keep their own.
 */
export function useAppStore<T>(selector: (state: AppStore) => T): T {
  return useStore(useAppStoreApi(), selector);
}

/** The actions, which never change: reading them does not subscribe to anything. */
export function useActions(): AppStore {
  return useAppStoreApi().getState();
}
