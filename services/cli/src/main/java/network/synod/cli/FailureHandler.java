package network.synod.cli;

import java.util.Objects;

import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A command that failed once its arguments were right (a service that did not start, a network that answered
 * with an error): one line on stderr, exit 1, no stack trace and no usage (the command line was not the problem).
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        cmd.getErr().println("synod: " + Objects.requireNonNullElse(e.getMessage(), e.toString()));
        cmd.getErr().flush();
        return ExitCode.SOFTWARE;
    }
}
