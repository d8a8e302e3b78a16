// Every act the web app sends goes through this hook: a mutation that runs once at a time. A second
// press while the first is under way (a double click, Enter pressed twice, a click before the button had
// re-rendered as disabled) is refused here, synchronously, so the server receives one request; and the
// result is pending from the very press, so buttons show the act is under way at once.
import { useCallback, useRef, useState } from 'react';
import {
  useMutation,
  type DefaultError,
  type MutateOptions,
  type UseMutationOptions,
  type UseMutationResult,
} from '@tanstack/react-query';

export function useOneMutation<TData = unknown, TError = DefaultError, TVariables = void, TOnMutateResult = unknown>(
  options: UseMutationOptions<TData, TError, TVariables, TOnMutateResult>,
): UseMutationResult<TData, TError, TVariables, TOnMutateResult> {
  const running = useRef<Promise<TData> | null>(null);
  const [started, setStarted] = useState(false);
  const m = useMutation<TData, TError, TVariables, TOnMutateResult>({
    ...options,
    onSettled: (...args) => {
      running.current = null;
      setStarted(false);
      return options.onSettled?.(...args);
    },
  });
  const { mutateAsync } = m;
  type Mutate = typeof m.mutateAsync;
  const runOnce = useCallback(
    (variables: TVariables, opts?: MutateOptions<TData, TError, TVariables, TOnMutateResult>): Promise<TData> => {
      if (running.current) return running.current;
      setStarted(true);
      const p = (mutateAsync as (v: TVariables, o?: typeof opts) => Promise<TData>)(variables, opts);
      running.current = p;
      return p;
    },
    [mutateAsync],
  ) as Mutate;
  const mutate = useCallback(
    (variables: TVariables, opts?: MutateOptions<TData, TError, TVariables, TOnMutateResult>): void => {
      // errors are in the result's `error` (and the caller's onError), as with useMutation's own mutate
      (runOnce as (v: TVariables, o?: typeof opts) => Promise<TData>)(variables, opts).catch(() => undefined);
    },
    [runOnce],
  ) as typeof m.mutate;
  if (started && !m.isPending) {
    // between the press and the mutation's own state update: already under way
    return { ...m, mutate, mutateAsync: runOnce, isPending: true, isIdle: false } as unknown as UseMutationResult<
      TData,
      TError,
      TVariables,
      TOnMutateResult
    >;
  }
  return { ...m, mutate, mutateAsync: runOnce };
}
