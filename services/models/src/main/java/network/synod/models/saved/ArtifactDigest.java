package network.synod.models.saved;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sha256 of a model artifact: of its bytes for a file (the same as {@code sha256sum FILE}), and for
 * a directory of every regular file's relative path and bytes, in path order.
 */
public final class ArtifactDigest {

    private ArtifactDigest() {}

    /**
     * For a directory the digest covers, for each regular file sorted by its {@code /}-separated relative
     * path: the path's UTF-8 bytes, one zero byte, then the file's own sha256 (32 raw bytes). Renaming or
     * changing any file changes it.
     */
    public static String sha256(Path artifact) throws IOException {
        if (Files.isRegularFile(artifact)) {
            return ofFile(artifact);
        }
        if (!Files.isDirectory(artifact)) {
            throw new IOException("no model artifact at " + artifact);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(artifact)) {
            files = walk.filter(Files::isRegularFile)
                    .sorted((a, b) -> relative(artifact, a).compareTo(relative(artifact, b)))
                    .toList();
        }
        Sha256 tree = new Sha256();
        for (Path file : files) {
            tree.update(relative(artifact, file).getBytes(StandardCharsets.UTF_8));
            tree.update(new byte[] {0});
            tree.update(HexFormat.of().parseHex(ofFile(file)));
        }
        return tree.hex();
    }

    private static String ofFile(Path file) throws IOException {
        Sha256 sha = new Sha256();
        try (InputStream in = Files.newInputStream(file);
                DigestOutputStream out = sha.stream()) {
            in.transferTo(out);
        }
        return sha.hex();
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
