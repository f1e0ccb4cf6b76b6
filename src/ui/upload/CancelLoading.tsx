/** Stops a load under way (a large per-request file can take a while): what was read is kept. */
import { cancelLoading } from '../../store/loading.ts';

export function CancelLoading() {
  return (
    <button type="button" className="link danger" onClick={cancelLoading}>
      Cancel
    </button>
  );
}
