/**
 * A signal that aborts when `own` is aborted or, when there is one, when `outer` is: how a step
 * stops its own git processes (a failing sibling, a finished race) while still obeying the
 * caller's Ctrl-C.
 */
export function eitherSignal(own: AbortController, outer: AbortSignal | undefined): AbortSignal {
  return outer ? AbortSignal.any([own.signal, outer]) : own.signal;
}
