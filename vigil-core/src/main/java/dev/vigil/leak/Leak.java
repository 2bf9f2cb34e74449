package dev.vigil.leak;

/**
 * Something a test left behind: a thread still alive ({@link ThreadLeak}) or a resource not closed
 * ({@link ResourceLeak}).
 *
 * @since 0.1
 */
public sealed interface Leak permits ThreadLeak, ResourceLeak {}
