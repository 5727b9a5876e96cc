package io.lvsplay.engine.exec;

import io.lvsplay.engine.transport.CommandBatch;
import io.lvsplay.engine.transport.Connection;
import io.lvsplay.engine.transport.ExecOptions;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.engine.transport.Sudo;
import io.lvsplay.engine.transport.TransportException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A host's connection as the pool keeps it (timed for --stats), which can send many reads in one
 * batch ({@link #prefetch}) and then answers each of them once, when it comes, from that batch. Any
 * other command goes to the host and forgets every answer kept: it may change what they read.
 */
final class PrefetchingConnection implements Connection {
    /** A command as the connection receives it, and the sudo user (null: none) it runs as. */
    record Read(String command, Sudo sudo) {
        private Key key() {
            return new Key(command, sudo == null ? null : sudo.user());
        }
    }

    private record Key(String command, String user) {
    }

    private final TimedConnection inner;
    /** An answer and how many more times it is given. */
    private record Answer(ExecResult result, int left) {
    }

    private final Map<Key, Answer> kept = new LinkedHashMap<>();

    PrefetchingConnection(TimedConnection inner) {
        this.inner = inner;
    }

    /**
     * Sends {@code reads} in one round trip per sudo user and keeps their answers. A batch whose
     * output is not understood keeps nothing: those reads then go to the host one by one.
     */
    void prefetch(List<Read> reads) throws TransportException {
        Map<String, List<Read>> byUser = new LinkedHashMap<>();
        for (Read read : reads) {
            byUser.computeIfAbsent(read.key().user() == null ? "" : read.key().user(), u -> new ArrayList<>()).add(read);
        }
        for (List<Read> group : byUser.values()) {
            // items that read the same (one file edited by every item) share one answer, given once to each
            List<Read> distinct = group.stream().distinct().toList();
            CommandBatch.run(inner, distinct.get(0).sudo(), distinct.stream().map(Read::command).toList())
                    .ifPresent(results -> {
                        synchronized (kept) {
                            for (int i = 0; i < distinct.size(); i++) {
                                Read read = distinct.get(i);
                                kept.put(read.key(), new Answer(results.get(i), (int) group.stream().filter(read::equals).count()));
                            }
                        }
                    });
        }
    }

    /** Forgets the answers not taken (a loop's prefetch ends with the loop). */
    void forget() {
        synchronized (kept) {
            kept.clear();
        }
    }

    @Override
    public ExecResult exec(String command, byte[] stdin, ExecOptions options) {
        ExecResult answer = take(new Key(command, null), stdin);
        return answer != null ? answer : inner.exec(command, stdin, options);
    }

    @Override
    public ExecResult execAs(Sudo sudo, String command, byte[] stdin, ExecOptions options) {
        ExecResult answer = take(new Key(command, sudo.user()), stdin);
        return answer != null ? answer : inner.execAs(sudo, command, stdin, options);
    }

    private ExecResult take(Key key, byte[] stdin) {
        synchronized (kept) {
            if (kept.isEmpty()) {
                return null;
            }
            Answer answer = stdin.length == 0 ? kept.remove(key) : null;
            if (answer == null) {
                kept.clear();
                return null;
            }
            if (answer.left() > 1) {
                kept.put(key, new Answer(answer.result(), answer.left() - 1));
            }
            return answer.result();
        }
    }

    long commandNanos() {
        return inner.commandNanos();
    }

    @Override
    public long roundTrips() {
        return inner.roundTrips();
    }

    @Override
    public String hostName() {
        return inner.hostName();
    }

    @Override
    public void close() {
        inner.close();
    }
}
