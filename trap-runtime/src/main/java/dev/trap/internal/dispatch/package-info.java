/**
 * What woven code calls: the trap's bootstrap and trampoline ({@link dev.trap.internal.dispatch.Trampoline}),
 * the index of linked traps and added interceptors ({@link dev.trap.internal.dispatch.Registry}), and a
 * trapped call in progress ({@link dev.trap.internal.dispatch.Invocation}). Not an API.
 */
package dev.trap.internal.dispatch;
