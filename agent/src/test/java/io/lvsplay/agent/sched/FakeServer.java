package io.lvsplay.agent.sched;

import io.lvsplay.agent.rules.Endpoint;

import java.util.ArrayList;
import java.util.List;

/** A real server whose load the test sets directly. */
final class FakeServer implements Candidate {
    final String name;
    final Endpoint address;
    int weight;
    int active;
    int inactive;
    boolean overloaded;

    FakeServer(String name, int lastOctet, int weight) {
        this.name = name;
        this.address = Endpoint.parse("10.0.0." + lastOctet + ":80", -1);
        this.weight = weight;
    }

    static List<FakeServer> weighted(int... weights) {
        List<FakeServer> out = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            out.add(new FakeServer(String.valueOf((char) ('A' + i)), i + 1, weights[i]));
        }
        return out;
    }

    @Override public Endpoint address() { return address; }
    @Override public int weight() { return weight; }
    @Override public int activeConns() { return active; }
    @Override public int inactiveConns() { return inactive; }
    @Override public boolean overloaded() { return overloaded; }
    @Override public String toString() { return name; }
}
