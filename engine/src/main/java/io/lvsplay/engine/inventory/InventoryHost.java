package io.lvsplay.engine.inventory;

import java.util.Map;

/**
 * A host as the inventory declares it.
 *
 * @param vars only the host's own variables (host line or YAML host entry, then host_vars files);
 *             use {@link Inventory#varsOf(String)} for the merged view including group variables
 */
public record InventoryHost(String name, Map<String, Object> vars) {
}
