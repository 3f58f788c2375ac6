package network.synod.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a long operation, for every {@code synod} command that has one: a bar on stderr, drawn only
 * when stderr is a terminal. Piped or redirected (a script reading the output, a log file, a test), a command
 * writes exactly what it wrote before and nothing else; {@link #stepTo} then does nothing.
 */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar for {@code total} units of {@code unit} (e.g. {@code " steps"}), or none off a terminal. */
    static Progress start(String task, long total, String unit) {
        if (!stderrIsTerminal()) {
            return new Progress(null);
        }
        // ASCII: the old bar's look, and no block characters to garble on a terminal that is not UTF-8.
        return new Progress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(100)
                .build());
    }

    void stepTo(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /** Draws the final state and ends the bar's line, so that what follows starts on a line of its own. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /**
     * Whether file descriptor 2 is a terminal. Java 17 has no isatty: on Linux /proc says where fd 2 points;
     * elsewhere a console (stdin and stdout on a terminal) is the closest sign that stderr is one too.
     */
    static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd, LinkOption.NOFOLLOW_LINKS)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
