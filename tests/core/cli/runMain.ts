/** The CLI's `main()` run in-process with what it prints collected: faster and steadier than spawning npm. */
import { main } from '../../../src/cli/tco.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(argv: string[], read: Parameters<typeof main>[3] = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const print = (t: string) => (stdout += t);
  const warn = (t: string) => (stderr += t);
  const code = await main(argv, print, warn, read);
  return { code, stdout, stderr };
}
