package org.formcoach.cli.terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the standard streams are terminals (so that interactive output like a progress bar makes sense). */
public final class Terminal {
    private Terminal() {
    }

    /** Standard error goes to a terminal (not a file, pipe or CI log) and TERM is not "dumb". */
    public static boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    /** Standard input comes from a terminal (someone can type keys). */
    public static boolean stdinIsTerminal() {
        return isTerminal(0);
    }

    /** Standard output goes to a terminal. */
    public static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    /**
     * Java 17 cannot ask isatty() about one stream; on Linux /proc tells where the file
     * descriptor points. Elsewhere {@link System#console()} (stdin and stdout are terminals)
     * is the best available answer.
     */
    static boolean isTerminal(int fd) {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.isSymbolicLink(link)) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return System.console() != null;
            }
        }
        return System.console() != null;
    }
}
