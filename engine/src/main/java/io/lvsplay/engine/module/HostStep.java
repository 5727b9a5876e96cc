package io.lvsplay.engine.module;

/**
 * One thing the executor does on a host (or, for fetch, on the controller) to apply a
 * {@link Change}, as data: it can be printed
 * ({@code --check -v}) and, later, batched by the transport. Planning only builds these.
 */
public sealed interface HostStep permits RemoteCommand, FileWrite, ControllerFileWrite {

    /** What a run would execute, as {@code --check -v} prints it (before secrets are masked). */
    String shown();
}
