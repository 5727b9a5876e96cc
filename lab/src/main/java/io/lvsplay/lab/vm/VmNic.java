package io.lvsplay.lab.vm;

/**
 * One network card of a lab VM: the host tap behind it, its MAC, the bridge the tap joins, and the name
 * and address it gets inside the VM ({@code lvsplay-init} renames the card with this MAC to {@code iface}).
 */
public record VmNic(String tap, String mac, String bridge, String iface, String address, int prefixLength) {

    /** For the kernel command line: {@code MAC,IFNAME,ADDRESS/PREFIX}. */
    String initSpec() {
        return mac + "," + iface + "," + address + "/" + prefixLength;
    }
}
