package io.lvsplay.agent.net;

import java.nio.channels.SelectionKey;

/** Reacts to readiness of one registered channel; runs on its event loop thread. */
interface IoHandler {
    void ready(SelectionKey key);
}
