package io.lvsplay.engine.exec;

/** How a task ended on one host. */
public enum TaskStatus { OK, CHANGED, FAILED, SKIPPED, UNREACHABLE }
