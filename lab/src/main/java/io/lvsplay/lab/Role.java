package io.lvsplay.lab;

/** What a lab host is for; each role is one group of the generated Ansible inventory. */
public enum Role {
    DIRECTOR("directors"),
    REAL_SERVER("realservers"),
    CLIENT("clients");

    private final String inventoryGroup;

    Role(String inventoryGroup) {
        this.inventoryGroup = inventoryGroup;
    }

    public String inventoryGroup() {
        return inventoryGroup;
    }
}
