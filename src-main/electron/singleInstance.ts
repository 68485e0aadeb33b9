/**
 * One ERIC Studio at a time (two would write the same library). The second copy exits
 * before any start-up work (no library opened, no recovery run); the first one comes
 * to the front.
 */
export type StartDecision = 'start' | 'exit-second-instance';

export function startDecision(gotSingleInstanceLock: boolean): StartDecision {
  return gotSingleInstanceLock ? 'start' : 'exit-second-instance';
}

export type FocusStep = 'restore' | 'show' | 'focus' | 'create-window';

/** What the first instance does when a second one is started. */
export function secondInstanceSteps(window: { exists: boolean; minimized: boolean; visible: boolean }): FocusStep[] {
  if (!window.exists) return ['create-window'];
  const steps: FocusStep[] = [];
  if (window.minimized) steps.push('restore');
  if (!window.visible) steps.push('show');
  steps.push('focus');
  return steps;
}
