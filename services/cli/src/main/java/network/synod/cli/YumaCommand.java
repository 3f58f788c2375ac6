package network.synod.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import network.synod.core.yuma.EpochResult;
import network.synod.core.yuma.Stored;
import network.synod.core.yuma.YumaCaseFile;
import network.synod.core.yuma.YumaCaseFile.YumaCase;
import network.synod.core.yuma.YumaReplay;

/**
 * {@code synod yuma}: replays every epoch case of a Yuma case file (the format of
 * shared/reference/yuma/cases.json) through core's port of subtensor's epoch, and writes every epoch's outputs.
 * The whole file is read, checked and replayed before anything is written, and the output is moved into place
 * in one step, so a mistake never leaves a partial file.
 */
@Command(
        name = "yuma",
        mixinStandardHelpOptions = true,
        versionProvider = SynodVersion.class,
        sortOptions = false,
        description = {
            "Replays the epoch cases of a Yuma consensus case file (the format of "
                    + "shared/reference/yuma/cases.json) through the network's port of Bittensor's epoch, and writes "
                    + "every epoch's permits, consensus, incentive, dividends, validator trust, emissions and bonds as "
                    + "JSON."
        })
final class YumaCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--cases",
            paramLabel = "FILE.json",
            required = true,
            description = "the case file: {\"cases\": [{name, network, initial_state, steps}, …]}")
    private Path cases;

    @Option(
            names = "--out",
            paramLabel = "OUT.json",
            required = true,
            description = "where to write {\"cases\": [{name, epochs: [...]}]}; replaced only when all went well")
    private Path out;

    @Override
    public Integer call() throws IOException {
        List<YumaCase> read = read();
        ObjectNode root = JSON.createObjectNode();
        ArrayNode caseNodes = root.putArray("cases");
        for (YumaCase c : read) {
            List<EpochResult> epochs;
            try {
                epochs = YumaReplay.run(c.params(), c.initialState(), c.ops());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        spec.commandLine(), cases + ": case '" + c.name() + "': " + e.getMessage());
            }
            ObjectNode caseNode = caseNodes.addObject().put("name", c.name());
            ArrayNode epochNodes = caseNode.putArray("epochs");
            for (EpochResult r : epochs) {
                epochNodes.add(epochNode(r));
            }
        }
        write(root);
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }

    private List<YumaCase> read() {
        Object tree;
        try {
            tree = JSON.readValue(cases.toFile(), Object.class);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "no such case file: " + cases);
        } catch (JsonProcessingException e) {
            throw new ParameterException(spec.commandLine(), cases + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            if (!Files.exists(cases)) {
                throw new ParameterException(spec.commandLine(), "no such case file: " + cases);
            }
            throw new ParameterException(spec.commandLine(), cases + " cannot be read: " + e.getMessage());
        }
        try {
            return YumaCaseFile.read(tree);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), cases + ": " + e.getMessage());
        }
    }

    private static ObjectNode epochNode(EpochResult r) {
        ObjectNode e = JSON.createObjectNode();
        e.put("block", r.block());
        ArrayNode permit = e.putArray("validator_permit");
        for (boolean p : r.validatorPermit()) {
            permit.add(p);
        }
        ints(e.putArray("consensus_u16"), r.consensusU16());
        ints(e.putArray("incentive_u16"), r.incentiveU16());
        ints(e.putArray("dividends_u16"), r.dividendsU16());
        ints(e.putArray("validator_trust_u16"), r.validatorTrustU16());
        longs(e.putArray("emission"), r.emission());
        longs(e.putArray("server_emission"), r.serverEmission());
        longs(e.putArray("validator_emission"), r.validatorEmission());
        ArrayNode bonds = e.putArray("bonds_u16");
        for (List<Stored> row : r.bonds()) {
            ArrayNode rowNode = bonds.addArray();
            row.stream()
                    .sorted((a, b) -> Integer.compare(a.uid(), b.uid()))
                    .forEach(s -> rowNode.addArray().add(s.uid()).add(s.value()));
        }
        return e;
    }

    private static void ints(ArrayNode node, int[] values) {
        for (int v : values) {
            node.add(v);
        }
    }

    private static void longs(ArrayNode node, long[] values) {
        for (long v : values) {
            node.add(v);
        }
    }

    /** Writes beside OUT and moves the file into place, so that OUT is either the old file or the whole new one. */
    private void write(ObjectNode root) throws IOException {
        Path target = out.toAbsolutePath();
        Path temp;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        } catch (IOException e) {
            throw new IOException("cannot write " + out + ": " + e, e);
        }
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), root);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
