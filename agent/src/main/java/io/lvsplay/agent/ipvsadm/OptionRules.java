package io.lvsplay.agent.ipvsadm;

import io.lvsplay.agent.ipvsadm.IpvsadmCommand.Cmd;
import io.lvsplay.agent.ipvsadm.IpvsadmCommand.Opt;

import java.util.EnumSet;
import java.util.Set;

import static io.lvsplay.agent.ipvsadm.IpvsadmCommand.Opt.*;

/** ipvsadm's commands_v_options table (generic_opt_check): which options each command needs and allows. */
final class OptionRules {
    private OptionRules() {
    }

    static void check(Cmd cmd, Set<Opt> given) throws IpvsadmException {
        Set<Opt> required = required(cmd);
        Set<Opt> allowed = allowed(cmd);
        for (Opt o : Opt.values()) {
            if (given.contains(o) && !allowed.contains(o) && !required.contains(o)) {
                throw new IpvsadmException(IpvsadmException.USAGE, "Illegal '" + o.label + "' option with the '" + cmd.label + "' command");
            }
            if (!given.contains(o) && required.contains(o)) {
                throw new IpvsadmException(IpvsadmException.USAGE, "You need to supply the '" + o.label + "' option for the '" + cmd.label + "' command");
            }
        }
    }

    private static Set<Opt> required(Cmd cmd) {
        return switch (cmd) {
            case ADD, EDIT, DEL -> EnumSet.of(SERVICE);
            case ADDDEST, EDITDEST, DELDEST -> EnumSet.of(SERVICE, SERVER);
            default -> EnumSet.noneOf(Opt.class);
        };
    }

    private static Set<Opt> allowed(Cmd cmd) {
        return switch (cmd) {
            case ADD, EDIT -> EnumSet.of(SCHEDULER, PERSISTENT, NETMASK, SCHED_FLAGS, SORT);
            case ADDDEST, EDITDEST -> EnumSet.of(FORWARD, WEIGHT, UTHRESHOLD, LTHRESHOLD);
            case LIST -> EnumSet.of(NUMERIC, CONNECTION, SERVICE, TIMEOUT, DAEMON, STATS, RATE, THRESHOLDS, PERSISTENTCONN, NOSORT, SORT, EXACT);
            case SAVE -> EnumSet.of(NUMERIC);
            case ZERO -> EnumSet.of(SERVICE);
            case HELP, VERSION -> EnumSet.allOf(Opt.class);
            default -> EnumSet.noneOf(Opt.class);
        };
    }
}
