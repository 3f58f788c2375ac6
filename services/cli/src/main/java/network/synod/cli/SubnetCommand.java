package network.synod.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code synod subnet}: the commands of classification subnets (Bittensor-style), one subcommand each. */
@Command(
        name = "subnet",
        mixinStandardHelpOptions = true,
        versionProvider = SynodVersion.class,
        description = "Works with classification subnets: 'replay' streams a labelled JSONL file through one.",
        subcommands = SubnetReplayCommand.class)
final class SubnetCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** {@code synod subnet} alone: which subcommand is missing, and the list of them. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
