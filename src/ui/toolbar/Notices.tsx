/** Messages that are not about one file: a scenario or link that could not be opened, storage problems, links. */
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const { dismissNotice } = useActions();
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice--${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          <button type="button" className="link" onClick={() => dismissNotice(n.id)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
