package io.dataload.execute;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C) and SIGTERM during a run session: the session is interrupted (statements
 * cancelled and rolled back, commands killed), given time to record what happened, and the process
 * exits with 130 or 143 (128 + the signal's number, as cron, systemd and Kubernetes report it).
 * Closing the trap restores the JVM's own handlers.
 */
public final class SignalTrap implements AutoCloseable {
    private static final int GRACE_SECONDS = 30;
    /** After the run is recorded, how long the caller has to print and exit by itself. */
    private static final long EXIT_GRACE_MILLIS = 10_000;
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private SignalTrap(Stoppable session) {
        trap("INT", Interruption.Stop.INTERRUPT, 130, session);
        trap("TERM", Interruption.Stop.TERMINATE, 143, session);
    }

    /** Traps SIGINT and SIGTERM for the session until closed. */
    public static SignalTrap install(Stoppable session) {
        return new SignalTrap(session);
    }

    private void trap(String name, Interruption.Stop stop, int exitCode, Stoppable session) {
        try {
            Signal signal = new Signal(name);
            SignalHandler old = Signal.handle(signal, s -> stopAndExit(session, stop, exitCode));
            signals.add(signal);
            previous.add(old);
        } catch (IllegalArgumentException e) {
            // the platform or the JVM's options (-Xrs) do not let us handle it: the JVM's default applies
        }
    }

    private static void stopAndExit(Stoppable session, Interruption.Stop stop, int exitCode) {
        Thread stopper = new Thread(() -> {
            session.interrupt(stop);
            try {
                session.awaitRecorded(GRACE_SECONDS);
                Thread.sleep(EXIT_GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(exitCode);
        }, "dataload-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            try {
                Signal.handle(signals.get(i), previous.get(i));
            } catch (IllegalArgumentException e) {
                // nothing to restore
            }
        }
    }
}
