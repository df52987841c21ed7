/**
 * The JUnit Platform listener that gives every test and container a scope of its own, and
 * traces the tests to be traced. Not an API.
 */
package dev.trap.internal.junit;
