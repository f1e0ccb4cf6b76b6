/** The notices slice: messages for the user that are not about one file (a scenario that could not be opened…). */
import type { SliceContext } from './history.ts';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /**
   * The action the message belongs to ("scenario-file", "share-link"…): a new message of the same topic
   * replaces it, so a retry that works clears the error of the attempt before. Untopical messages stay.
   */
  topic?: string;
}

export interface NoticesState {
  notices: Notice[];
}

export interface NoticeActions {
  /** Shows a message; with a topic, it replaces the previous message of that topic. */
  notify(kind: Notice['kind'], text: string, topic?: string): void;
  /** Removes the message of a topic (its action was superseded). */
  clearNotice(topic: string): void;
  dismissNotice(id: number): void;
}

export function noticesSlice({ set }: SliceContext): NoticeActions {
  let nextNoticeId = 1;
  return {
    notify(kind, text, topic) {
      const notice: Notice = { id: nextNoticeId++, kind, text, ...(topic === undefined ? {} : { topic }) };
      set((state) => ({ notices: [...state.notices.filter((n) => topic === undefined || n.topic !== topic), notice] }));
    },
    clearNotice(topic) {
      set((state) => {
        const kept = state.notices.filter((n) => n.topic !== topic);
        return kept.length === state.notices.length ? {} : { notices: kept };
      });
    },
    dismissNotice(id) {
      set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
    },
  };
}
