/**
 * Trap's runtime internals, by concern: {@code dispatch} (what woven code's traps call, and the
 * index of traps and interceptors), {@code scope} (whose work a call is, and how it follows work
 * handed to other threads), {@code mock} ({@code Mock}'s patches and recordings), {@code trace}
 * (call trees and their files), {@code callsite} (which calls of other classes' methods woven
 * classes trap) and {@code junit} (the JUnit Platform listener that gives each test its scope).
 * None of it is an API: only woven code and Trap's own public classes may call it.
 */
package dev.trap.internal;
