// Test-only crash points (ADR 0018). When ANTAEUS_TEST_KILL_AT names a point ("demo:persons", or "demo:meetings@2"
// for its second passage), the process kills itself with SIGKILL there, as a power cut or `kill -9` would: the
// tests of the first start use it to stop the demo and `init` at a chosen step. Inert when the variable is unset
// (always in production: NODE_ENV=production ignores it).
const target = process.env.NODE_ENV === 'production' ? undefined : process.env.ANTAEUS_TEST_KILL_AT || undefined;
const [targetName, targetNth] = target ? [target.split('@')[0]!, Number(target.split('@')[1] ?? 1)] : ['', 0];
let passed = 0;

export function killPoint(name: string): void {
  if (!target || name !== targetName) return;
  if (++passed < targetNth) return;
  process.kill(process.pid, 'SIGKILL');
}

/**
 * Test-only (ADR 0018): ANTAEUS_TEST_SMALL_DEMO=1 makes the demo a smaller organisation of the same shape
 * (planDemo's `small`), so that the tests which kill and restart the first start several times build it quickly.
 * Inert in production.
 */
export function smallDemoForTests(): boolean {
  return process.env.NODE_ENV !== 'production' && process.env.ANTAEUS_TEST_SMALL_DEMO === '1';
}
