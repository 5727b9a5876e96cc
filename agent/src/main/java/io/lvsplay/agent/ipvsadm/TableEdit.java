package io.lvsplay.agent.ipvsadm;

import io.lvsplay.agent.rules.Endpoint;
import io.lvsplay.agent.rules.Persistence;
import io.lvsplay.agent.rules.RealServerRule;
import io.lvsplay.agent.rules.RuleTable;
import io.lvsplay.agent.rules.RulesParser;
import io.lvsplay.agent.rules.SchedFlag;
import io.lvsplay.agent.rules.ServiceRule;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.lvsplay.agent.ipvsadm.IpvsadmException.REFUSED;
import static io.lvsplay.agent.ipvsadm.IpvsadmException.USAGE;

/**
 * Applies one ipvsadm change to a rule table and returns the new table; refusals carry the kernel's messages as
 * libipvs prints them ("Service already exists", "No such destination", ...).
 */
public final class TableEdit {
    private TableEdit() {
    }

    public static RuleTable apply(RuleTable table, IpvsadmCommand c) throws IpvsadmException {
        List<ServiceRule> services = new ArrayList<>(table.services());
        int at = indexOf(services, c);
        switch (c.cmd()) {
            case FLUSH -> services.clear();
            case ADD -> {
                if (at >= 0) {
                    throw new IpvsadmException(REFUSED, "Service already exists");
                }
                services.add(service(c, List.of(), 0));
            }
            case EDIT -> services.set(existing(at), service(c, services.get(existing(at)).realServers(), services.get(at).line()));
            case DEL -> services.remove(existing(at));
            case ADDDEST, EDITDEST, DELDEST -> {
                if (at < 0) {
                    throw new IpvsadmException(REFUSED, "Service not defined");
                }
                services.set(at, destinations(services.get(at), c));
            }
            default -> throw new IllegalArgumentException("not a table change: " + c.cmd());
        }
        return new RuleTable(services);
    }

    private static int indexOf(List<ServiceRule> services, IpvsadmCommand c) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).key().equals(c.service())) {
                return i;
            }
        }
        return -1;
    }

    private static int existing(int at) throws IpvsadmException {
        if (at < 0) {
            throw new IpvsadmException(REFUSED, "No such service");
        }
        return at;
    }

    private static ServiceRule service(IpvsadmCommand c, List<RealServerRule> servers, int line) throws IpvsadmException {
        if (!RulesParser.SCHEDULERS.contains(c.scheduler())) {
            throw new IpvsadmException(REFUSED, "Scheduler or persistence engine not found");
        }
        if (c.service().vip().port() == 0) {
            throw new IpvsadmException(USAGE, "lvsplay does not support port 0 (all ports) services; add each port as its own service");
        }
        Optional<Persistence> persistence = Optional.empty();
        if (c.has(IpvsadmCommand.Opt.PERSISTENT)) {
            String mask = c.netmask() == null ? "255.255.255.255" : c.netmask();
            persistence = Optional.of(new Persistence(c.persistTimeout(), Endpoint.parse(mask + ":0", 0).address()));
        }
        Set<SchedFlag> flags = EnumSet.noneOf(SchedFlag.class);
        if (c.schedFlags() != null) {
            for (String f : c.schedFlags().split(",")) {
                try {
                    flags.add(SchedFlag.parse(f.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IpvsadmException(USAGE, "invalid scheduler flag '" + f + "'");
                }
            }
        }
        return new ServiceRule(c.service(), c.scheduler(), persistence, flags, servers, line);
    }

    private static ServiceRule destinations(ServiceRule s, IpvsadmCommand c) throws IpvsadmException {
        List<RealServerRule> servers = new ArrayList<>(s.realServers());
        int at = -1;
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).address().equals(c.realServer())) {
                at = i;
            }
        }
        RealServerRule rs = new RealServerRule(c.realServer(), c.forward(), c.weight(), c.upper(), c.lower(), 0);
        switch (c.cmd()) {
            case ADDDEST -> {
                if (at >= 0) {
                    throw new IpvsadmException(REFUSED, "Destination already exists");
                }
                servers.add(rs);
            }
            case EDITDEST -> {
                if (at < 0) {
                    throw new IpvsadmException(REFUSED, "No such destination");
                }
                servers.set(at, new RealServerRule(rs.address(), rs.forward(), rs.weight(), rs.upperThreshold(), rs.lowerThreshold(), servers.get(at).line()));
            }
            default -> {
                if (at < 0) {
                    throw new IpvsadmException(REFUSED, "No such destination");
                }
                servers.remove(at);
            }
        }
        return new ServiceRule(s.key(), s.scheduler(), s.persistence(), s.flags(), servers, s.line());
    }
}
