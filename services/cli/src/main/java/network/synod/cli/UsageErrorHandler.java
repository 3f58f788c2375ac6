package network.synod.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one usage-error style of every {@code synod} command: the message (and picocli's "did you mean"
 * suggestions), the usage of the command that was mistyped, on stderr; exit 2. A command that finds a mistake
 * in its arguments only after parsing (a missing series file, a value out of range) throws a
 * {@link ParameterException} and ends up here too.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        ParameterException shown = e;
        // picocli checks required options before unknown ones, so 'synod replay --bogus' would only say that
        // --series is missing; the unknown option is the mistake to name (the usage below lists --series).
        if (e instanceof MissingParameterException
                && !cmd.getUnmatchedArguments().isEmpty()) {
            shown = new UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments());
        }
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText(cmd.getCommandSpec().qualifiedName() + ": " + shown.getMessage()));
        UnmatchedArgumentException.printSuggestions(shown, err);
        err.println();
        cmd.usage(err, cmd.getColorScheme());
        err.flush();
        // ExitCode.USAGE is picocli's default as well; written here so that no setting elsewhere can change it.
        return ExitCode.USAGE;
    }
}
