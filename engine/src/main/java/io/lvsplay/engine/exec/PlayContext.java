package io.lvsplay.engine.exec;

import io.lvsplay.engine.inventory.Inventory;
import io.lvsplay.engine.module.ModuleRegistry;
import io.lvsplay.engine.playbook.Play;
import io.lvsplay.engine.playbook.PlaybookLoader;
import io.lvsplay.engine.template.Templar;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** What every part of the executor shares while one play runs. */
record PlayContext(Play play, PlaySettings settings, Inventory inventory, ModuleRegistry modules, Templar templar, ConnectionPool connections,
                   RunOptions options, RunListener listener, ExecutorService forks, Map<String, HostState> states,
                   PlaybookLoader loader, TaskFilter filter, AsyncJobs jobs, VarsBuilder varsBuilder,
                   PlayHandlers handlers, HandlerNotifier notifier) {

    /** The run-wide services, before a play's hosts (and so its variables) are known. */
    record Run(Inventory inventory, ModuleRegistry modules, Templar templar, ConnectionPool connections,
               RunOptions options, RunListener listener, ExecutorService forks, Map<String, HostState> states,
               PlaybookLoader loader, TaskFilter filter, AsyncJobs jobs) {

        PlayContext forPlay(Play play, PlaySettings settings, java.util.List<String> hosts) {
            PlayHandlers handlers = new PlayHandlers(play.handlers(),
                    new HandlerNames(templar, PlaySettings.playVars(play, options), listener::warning));
            return new PlayContext(play, settings, inventory, modules, templar, connections, options, listener, forks, states,
                    loader, filter, jobs, new VarsBuilder(inventory, states, options, play, hosts, templar), handlers,
                    new HandlerNotifier(handlers, templar, options.errorOnMissingHandler(), listener::warning));
        }
    }
}
