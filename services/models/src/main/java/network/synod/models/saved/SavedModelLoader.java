package network.synod.models.saved;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Translator;

import network.synod.models.DjlRuntime;

/**
 * Loads a saved DJL model from a {@code file:}, {@code jar:} or {@code https:} URL, but only after
 * computing the sha256 of the artifact it will load and, when a digest is expected, finding it equal.
 *
 * <p>The artifact is fetched to local disk first and the digest is taken over those very bytes, so what
 * is checked is what DJL reads. A {@code .zip} is digested as fetched and then unpacked. {@code jar:///p}
 * is a class-path resource, as in DJL; {@code jar:file:/x.jar!/p} is an entry of a jar file.
 */
public final class SavedModelLoader {

    private static final String ENGINE = "PyTorch";

    private final Path workDir;

    /** Artifacts that are not already local files are fetched and unpacked under {@code workDir}. */
    public SavedModelLoader(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * Brings the artifact at {@code url} to local disk and digests it.
     *
     * @param expectedSha256 hex sha256 the artifact must have, or null/blank to accept any (it is still reported)
     * @throws DigestMismatchException if the digest differs from the expected one
     */
    public VerifiedArtifact fetch(String url, String expectedSha256) throws IOException {
        Path local = localCopy(url);
        String actual = ArtifactDigest.sha256(local);
        if (expectedSha256 != null
                && !expectedSha256.isBlank()
                && !actual.equals(expectedSha256.trim().toLowerCase(Locale.ROOT))) {
            throw new DigestMismatchException(url, expectedSha256.trim(), actual);
        }
        Path modelPath = local.getFileName().toString().endsWith(".zip") ? unzip(local) : local;
        return new VerifiedArtifact(url, modelPath, actual);
    }

    /**
     * Loads a verified artifact with DJL's PyTorch engine on {@code device}.
     *
     * @param block the network for a DJL parameter file, or null for a self-describing TorchScript file
     * @param modelName the parameter file's prefix ({@code mlp} for {@code mlp-0000.params}), or null for DJL's guess
     */
    public static <I, O> ZooModel<I, O> load(
            VerifiedArtifact artifact,
            Class<I> input,
            Class<O> output,
            Translator<I, O> translator,
            Block block,
            String modelName,
            Device device)
            throws IOException, ModelNotFoundException, MalformedModelException {
        DjlRuntime.configure();
        Criteria.Builder<I, O> criteria = Criteria.builder()
                .setTypes(input, output)
                .optModelPath(artifact.modelPath())
                .optEngine(ENGINE)
                .optDevice(device)
                .optTranslator(translator);
        if (block != null) {
            criteria.optBlock(block);
        }
        if (modelName != null) {
            criteria.optModelName(modelName);
        }
        return criteria.build().loadModel();
    }

    private Path localCopy(String url) throws IOException {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "file":
                return filePath(uri);
            case "jar":
                return download(url, jarStream(url));
            case "http":
            case "https":
                return download(url, httpStream(uri));
            default:
                throw new IOException("unsupported model URL scheme (use file:, jar: or https:): " + url);
        }
    }

    private static Path filePath(URI uri) throws IOException {
        // file:relative/path is opaque to URI; file:/abs and file:///abs are not.
        Path path = uri.isOpaque() ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri);
        if (!Files.exists(path)) {
            throw new IOException("no model artifact at " + uri);
        }
        return path;
    }

    private static InputStream jarStream(String url) throws IOException {
        if (url.startsWith("jar:///")) {
            String resource = url.substring("jar:///".length());
            InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("no class-path resource for the model URL " + url);
            }
            return in;
        }
        return URI.create(url).toURL().openStream();
    }

    private static InputStream httpStream(URI uri) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        try {
            HttpResponse<InputStream> response =
                    client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("fetching the model from " + uri + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the model from " + uri, e);
        }
    }

    private Path download(String url, InputStream source) throws IOException {
        String path = url.replaceFirst("[?#].*$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.contains("!")) {
            name = "model";
        }
        Path dir = Files.createTempDirectory(Files.createDirectories(workDir), "fetch");
        Path target = dir.resolve(name);
        try (InputStream in = source) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private Path unzip(Path zip) throws IOException {
        Path root = Files.createTempDirectory(Files.createDirectories(workDir), "unzip")
                .toAbsolutePath()
                .normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("the model archive has an entry outside its root: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // An archive of one folder holds the model in that folder.
        try (var entries = Files.list(root)) {
            var all = entries.toList();
            return all.size() == 1 && Files.isDirectory(all.get(0)) ? all.get(0) : root;
        }
    }
}
