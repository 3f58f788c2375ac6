package network.synod.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code synod bench}: the on-demand benchmarks, one subcommand each (each is minutes of a loaded machine, so
 * none runs in the tests). {@code bench/gateway-load.sh} runs {@code synod bench gateway}.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = SynodVersion.class,
        description = "Runs an on-demand benchmark; docs/benchmarks.md has the method and the results.",
        subcommands = GatewayBenchmark.class)
final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** {@code synod bench} alone: which benchmark is missing, and the list of them. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
