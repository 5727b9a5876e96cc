package io.lvsplay.engine.module;

/**
 * One thing the executor does on a host to apply a {@link Change}, as data: it can be printed
 * ({@code --check -v}) and, later, batched by the transport. Planning only builds these.
 */
public sealed interface HostStep permits RemoteCommand, FileWrite, HostStep.Opaque {

    /** What a run would execute, as {@code --check -v} prints it (before secrets are masked). */
    String shown();

    /**
     * An action given as a lambda: the transitional form of {@code Change.of(description, action)}.
     * The executor still applies it, but cannot show what it runs.
     */
    @Deprecated
    record Opaque(String description, Change.Action action) implements HostStep {
        @Override
        public String shown() {
            return "(not shown: " + description + ")";
        }
    }
}
