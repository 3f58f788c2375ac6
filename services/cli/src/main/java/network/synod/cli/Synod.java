package network.synod.cli;

import java.io.PrintStream;
import java.io.PrintWriter;

import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code synod} command: {@code up} runs the network locally, {@code replay} drives it through a series,
 * {@code subnet} drives a classification subnet, {@code bench} measures it, {@code yuma} replays Yuma consensus
 * cases, {@code completion} prints a shell
 * completion script. Each command is a picocli subcommand in a class of its own, registered here; the conventions
 * every command shares (a usage error's message, usage and exit 2, a failure's one line and exit 1) are set once
 * in {@link #commandLine()}.
 */
@Command(
        name = "synod",
        mixinStandardHelpOptions = true,
        versionProvider = SynodVersion.class,
        description = "Synod, a decentralized AI inference network: run it on this machine, replay real series "
                + "through it, measure it.",
        subcommands = {UpCommand.class, ReplayCommand.class, SubnetCommand.class, BenchCommand.class, YumaCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:the command failed; one line on stderr says why",
            "2:a usage error: the message and the command's usage on stderr"
        })
public final class Synod implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line with its output on {@code out} and {@code err}; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        try {
            return commandLine().setOut(o).setErr(e).execute(args);
        } finally {
            // A command may end on print() rather than println(): nothing of its output is lost at exit.
            o.flush();
            e.flush();
        }
    }

    /**
     * The whole command tree with Synod's conventions. Settings reach the subcommands registered at the time
     * they are set, so every subcommand is added before them (and out and err are set after this returns).
     */
    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Synod());
        // picocli names this command generate-completion; 'synod completion > synod.bash' reads better.
        cmd.addSubcommand("completion", new GenerateCompletion());
        cmd.addSubcommand(new HelpCommand());
        return cmd.setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new FailureHandler())
                // As before picocli: an option given twice takes its last value (scripts append overrides).
                .setOverwrittenOptionsAllowed(true);
    }

    /** {@code synod} alone: which command is missing, and the list of them. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
