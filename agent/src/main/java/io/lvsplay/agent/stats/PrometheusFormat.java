package io.lvsplay.agent.stats;

import java.util.List;
import java.util.function.ToLongFunction;

/** The Prometheus text exposition of the table: one series per service and per configured real server. */
public final class PrometheusFormat {
    private PrometheusFormat() {
    }

    public static String render(List<ServiceSnapshot> services) {
        StringBuilder out = new StringBuilder();
        serviceCounter(out, services, "lvsplay_agent_service_connections_total", "Connections scheduled by the service", t -> t.totals().conns());
        serviceCounter(out, services, "lvsplay_agent_service_in_bytes_total", "Bytes from clients", t -> t.totals().inBytes());
        serviceCounter(out, services, "lvsplay_agent_service_out_bytes_total", "Bytes to clients", t -> t.totals().outBytes());
        serviceCounter(out, services, "lvsplay_agent_service_connect_retries_total",
                "Connects to a real server that failed and were retried on another", t -> t.totals().connectRetries());
        serviceCounter(out, services, "lvsplay_agent_service_persistence_templates", "Persistence templates held (gauge)", s -> s.bounds().templates());
        serviceCounter(out, services, "lvsplay_agent_service_udp_flows", "UDP flows held (gauge)", s -> s.bounds().udpFlows());
        serviceCounter(out, services, "lvsplay_agent_service_udp_flows_refused_total",
                "Datagrams of new UDP clients dropped because limits.udp_flows was reached", s -> s.bounds().udpFlowsRefused());
        serviceCounter(out, services, "lvsplay_agent_service_persistence_templates_refused_total",
                "New clients refused because limits.persistence_templates was reached", s -> s.bounds().templatesRefused());
        serviceCounter(out, services, "lvsplay_agent_service_oversize_datagrams_total",
                "Datagrams dropped because they did not fit 64 KiB", s -> s.bounds().oversizeDatagrams());
        realGauge(out, services, "lvsplay_agent_real_server_up", "1 if the real server passes its health check", d -> d.healthy() ? 1 : 0, "gauge");
        realGauge(out, services, "lvsplay_agent_real_server_weight", "Weight in force for new connections", DestinationSnapshot::weight, "gauge");
        realGauge(out, services, "lvsplay_agent_real_server_active_connections", "ActiveConn as in ipvsadm -Ln", DestinationSnapshot::activeConns, "gauge");
        realGauge(out, services, "lvsplay_agent_real_server_inactive_connections", "InActConn as in ipvsadm -Ln", DestinationSnapshot::inactiveConns, "gauge");
        realGauge(out, services, "lvsplay_agent_real_server_connections_total", "Connections sent to the real server", d -> d.totals().conns(), "counter");
        realGauge(out, services, "lvsplay_agent_real_server_in_bytes_total", "Bytes from clients to the real server", d -> d.totals().inBytes(), "counter");
        realGauge(out, services, "lvsplay_agent_real_server_out_bytes_total", "Bytes from the real server to clients", d -> d.totals().outBytes(), "counter");
        realGauge(out, services, "lvsplay_agent_real_server_connect_retries_total", "Failed connects to this real server", d -> d.totals().connectRetries(), "counter");
        return out.toString();
    }

    private static void serviceCounter(StringBuilder out, List<ServiceSnapshot> services, String name, String help, ToLongFunction<ServiceSnapshot> value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        for (ServiceSnapshot s : services) {
            out.append(name).append("{service=\"").append(s.key()).append("\"} ").append(value.applyAsLong(s)).append('\n');
        }
    }

    private static void realGauge(StringBuilder out, List<ServiceSnapshot> services, String name, String help,
                                  ToLongFunction<DestinationSnapshot> value, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        for (ServiceSnapshot s : services) {
            for (DestinationSnapshot d : s.configured()) {
                out.append(name).append("{service=\"").append(s.key()).append("\",real_server=\"").append(d.address())
                        .append("\"} ").append(value.applyAsLong(d)).append('\n');
            }
        }
    }
}
