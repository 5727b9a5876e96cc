package io.lvsplay.agent.table;

/** The real server chosen for one connection, and the persistence template that chose it, if any. */
public record Assignment(Destination destination, PersistenceTemplate template) {
}
