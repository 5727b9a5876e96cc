package io.lvsplay.it.lvs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.lab.LabTopology;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * LVS-TUN in the lab. This kernel has neither ip_vs nor ipip, so the agent forwards (it proxies and
 * needs no tunnel) and the real servers get the VIP on lo:0; the run says so.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class LvsTunLabTest extends LvsLabTestBase {

    @Override
    LabTopology topology() {
        return LabTopology.TUN;
    }

    @Override
    String lanSubnet() {
        return "10.231.44.0/24";
    }

    @Test
    @Order(10)
    void withoutIpipTheRunSaysSoAndUsesTheLoopback() {
        boolean ipip = lab.host("rs1").exec("test -e /sys/module/ipip").ok();
        if (!ipip) {
            assertTrue(firstRun.output().contains("no ipip kernel module"), firstRun.output());
            assertTrue(lab.host("rs1").run("ip -o -4 addr show dev lo").contains(lab.vip() + "/32"));
        }
        assertTrue(directorRules().contains(" -i -w 1"), directorRules());
    }
}
