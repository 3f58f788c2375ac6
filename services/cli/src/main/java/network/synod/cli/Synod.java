package network.synod.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The {@code synod} command: {@code up} runs the network locally, {@code replay} drives it through a series. */
public final class Synod {

    static final String USAGE = "usage: synod <up|replay|help> [options]\n\n" + UpCommand.USAGE + "\n"
            + ReplayCommand.USAGE;

    private Synod() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "up" -> UpCommand.run(rest, out);
                case "replay" -> ReplayCommand.run(rest, out, err);
                default -> throw new Args.UsageException("unknown command '" + args[0] + "'");
            };
        } catch (Args.UsageException e) {
            err.println("synod: " + e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        } catch (Exception e) {
            err.println("synod: " + e.getMessage());
            return 1;
        }
    }
}
