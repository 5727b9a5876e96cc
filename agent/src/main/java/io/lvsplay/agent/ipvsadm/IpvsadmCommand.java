package io.lvsplay.agent.ipvsadm;

import io.lvsplay.agent.rules.Endpoint;
import io.lvsplay.agent.rules.ForwardMethod;
import io.lvsplay.agent.rules.ServiceKey;

import java.util.EnumSet;
import java.util.Set;

/**
 * One parsed ipvsadm command line: the command and the options given, with ipvsadm's defaults for the rest (an
 * edit replaces the entry, as in ipvsadm: weight 1, -g, scheduler wlc unless given).
 */
public record IpvsadmCommand(Cmd cmd, Set<Opt> given, ServiceKey service, String scheduler, int persistTimeout,
                             String netmask, String schedFlags, Endpoint realServer, ForwardMethod forward, int weight,
                             int upper, int lower) {

    /** ipvsadm's commands, named as in its messages. */
    public enum Cmd {
        ADD("add-service"), EDIT("edit-service"), DEL("delete-service"), FLUSH("flush"), LIST("list"),
        ADDDEST("add-server"), DELDEST("delete-server"), EDITDEST("edit-server"), TIMEOUT("set"),
        RESTORE("restore"), SAVE("save"), ZERO("zero"), HELP("help"), VERSION("version");

        final String label;

        Cmd(String label) {
            this.label = label;
        }
    }

    /** ipvsadm's options, named as in its messages (optnames[] of ipvsadm.c). */
    public enum Opt {
        NUMERIC("numeric"), CONNECTION("connection"), SERVICE("service-address"), SCHEDULER("scheduler"),
        PERSISTENT("persistent"), NETMASK("netmask"), SERVER("real-server"), FORWARD("forwarding-method"),
        WEIGHT("weight"), UTHRESHOLD("u-threshold"), LTHRESHOLD("l-threshold"), TIMEOUT("timeout"),
        DAEMON("daemon"), STATS("stats"), RATE("rate"), THRESHOLDS("thresholds"), PERSISTENTCONN("persistent-conn"),
        NOSORT("nosort"), SORT("sort"), EXACT("exact"), SCHED_FLAGS("sched-flags");

        final String label;

        Opt(String label) {
            this.label = label;
        }
    }

    public boolean has(Opt o) {
        return given.contains(o);
    }

    /** The mutable draft the parser fills in. */
    static final class Draft {
        Cmd cmd;
        final Set<Opt> given = EnumSet.noneOf(Opt.class);
        ServiceKey service;
        String scheduler;
        int persistTimeout;
        String netmask;
        String schedFlags;
        Endpoint realServer;
        ForwardMethod forward = ForwardMethod.ROUTE;
        int weight = 1;
        int upper;
        int lower;

        IpvsadmCommand build() {
            return new IpvsadmCommand(cmd, Set.copyOf(given), service, scheduler, persistTimeout, netmask, schedFlags,
                    realServer, forward, weight, upper, lower);
        }
    }
}
