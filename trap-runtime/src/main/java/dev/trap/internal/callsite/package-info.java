/**
 * Which methods of classes that are not woven have their calls from woven classes trapped. Not
 * an API.
 */
package dev.trap.internal.callsite;
