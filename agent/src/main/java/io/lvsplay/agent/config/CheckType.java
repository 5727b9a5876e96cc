package io.lvsplay.agent.config;

/** Health check kinds, named as in keepalived. */
public enum CheckType {
    TCP_CHECK, HTTP_GET, MISC_CHECK
}
