package io.lvsplay.agent.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to check a service's real servers (keepalived semantics): a check runs every {@code delayLoop}; a server
 * that is up is declared down after {@code retry + 1} consecutive failures spaced by {@code delayBeforeRetry}; a
 * down server is declared up after one success.
 *
 * @param connectPort port to check, 0 for the real server's own port
 * @param receive     ldirectord-style regular expression the HTTP body must contain, if present
 */
public record HealthCheckSpec(CheckType type, int connectPort, String path, int status, Optional<Pattern> receive,
                              String virtualHost, Duration delayLoop, Duration connectTimeout, int retry,
                              Duration delayBeforeRetry, String miscPath, Duration miscTimeout) {
}
