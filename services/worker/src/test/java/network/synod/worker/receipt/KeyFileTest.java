package network.synod.worker.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import network.synod.core.forecast.ForecastContext;
import network.synod.core.verification.Receipt;
import network.synod.core.verification.Signatures;
import network.synod.worker.ModelSettings;
import network.synod.worker.model.ReferenceModel;

/** A configured PKCS#8 key signs, and the public key the worker reports is that key's. */
class KeyFileTest {

    @Test
    void aConfiguredKeyFileSigns(@TempDir Path dir) throws Exception {
        KeyPair pair = Signatures.generate();
        Path file = dir.resolve("worker.pem");
        Files.writeString(file, Signatures.pem(pair.getPrivate()));
        ReceiptSigner signer = new ReceiptSigner(settings(file.toString()), model());
        assertEquals(Signatures.encode(pair.getPublic()), signer.publicKey());
        assertEquals("w1", signer.worker());
        Receipt r = signer.sign(
                new ReferenceModel("last"), "r", new ForecastContext(2, new double[] {1, 2}, 0), new double[] {2});
        assertTrue(Signatures.verify(r, pair.getPublic()));
    }

    private static WorkerSettings settings(String keyFile) {
        return new WorkerSettings() {
            public Optional<String> id() {
                return Optional.of("w1");
            }

            public Optional<String> keyFile() {
                return Optional.of(keyFile);
            }

            public double cheatFraction() {
                return 0;
            }

            public long cheatSeed() {
                return 1;
            }
        };
    }

    private static ModelSettings model() {
        return new ModelSettings() {
            public String name() {
                return "model";
            }

            public String kind() {
                return "last";
            }

            public Optional<String> url() {
                return Optional.empty();
            }

            public Optional<String> digest() {
                return Optional.empty();
            }

            public String device() {
                return "cpu";
            }

            public int maxWindow() {
                return 100;
            }

            public String labels() {
                return "ham,spam";
            }

            public int threads() {
                return 1;
            }

            public Mlp mlp() {
                return null;
            }
        };
    }
}
