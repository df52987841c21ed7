/**
 * Whose work a call is: scopes ({@link dev.trap.internal.scope.Scopes}), the per-thread state that
 * says which one a thread runs in ({@link dev.trap.internal.scope.ThreadState}), and how work carries its scope
 * across a hand-over ({@link dev.trap.internal.scope.Handoff}, {@link dev.trap.internal.scope.Carriers},
 * {@link dev.trap.internal.scope.CarriedTasks}). Not an API: woven code calls {@code Handoff} and
 * {@code Carriers}.
 */
package dev.trap.internal.scope;
