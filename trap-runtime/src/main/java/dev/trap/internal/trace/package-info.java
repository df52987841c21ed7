/**
 * What {@link dev.trap.Trace} does: call trees recorded per scope ({@link dev.trap.internal.trace.TraceRecorder}),
 * their configuration, and their files and viewer ({@link dev.trap.internal.trace.TraceFiles}). Not an API.
 */
package dev.trap.internal.trace;
