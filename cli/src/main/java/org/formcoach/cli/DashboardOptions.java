package org.formcoach.cli;

import org.formcoach.cli.dashboard.DashboardServer;
import org.formcoach.cli.live.LiveRun;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The live dashboard's options, the same for every command that coaches live (live, demo). */
public final class DashboardOptions {
    @Option(names = "--dashboard", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Serve the live dashboard (default on; --no-dashboard to skip).")
    boolean enabled;

    @Option(names = "--dashboard-port", paramLabel = "PORT",
            description = "Dashboard port (default 8765, another free one if taken; 0 = any free port).")
    Integer port;

    @Option(names = "--dashboard-bind", defaultValue = DashboardServer.DEFAULT_BIND, paramLabel = "ADDR",
            description = "Dashboard address (default ${DEFAULT-VALUE}, this machine only; 0.0.0.0 lets a phone on"
                    + " the network watch, with no password).")
    String bind;

    /**
     * Puts the options into a run's configuration.
     *
     * @throws CommandLine.ParameterException for a port outside 0-65535 (a usage error)
     */
    LiveRun.Config applyTo(LiveRun.Config config, CommandLine cl) {
        int p = port == null ? DashboardServer.DEFAULT_PORT : port;
        if (p < 0 || p > 65535) {
            throw new CommandLine.ParameterException(cl, "--dashboard-port must be 0-65535");
        }
        return config.dashboard(enabled, bind, p, port != null);
    }
}
