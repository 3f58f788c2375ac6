package network.synod.models.saved;

import java.nio.file.Path;

/**
 * A model artifact on local disk whose sha256 has been computed (and checked, when one was expected).
 *
 * @param url where it came from
 * @param modelPath the local model directory (an archive is unpacked) or single model file
 * @param sha256 the digest of the artifact as fetched, see {@link ArtifactDigest}
 */
public record VerifiedArtifact(String url, Path modelPath, String sha256) {}
