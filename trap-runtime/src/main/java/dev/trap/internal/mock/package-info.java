/**
 * What {@link dev.trap.Mock} does: method references read ({@link dev.trap.internal.mock.MethodReference}),
 * patches and recordings as interceptors. Not an API.
 */
package dev.trap.internal.mock;
