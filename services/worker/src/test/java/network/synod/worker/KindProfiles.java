package network.synod.worker;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** One Quarkus test profile per served kind (each starts the application afresh). */
final class KindProfiles {

    private KindProfiles() {}

    /** Serves one kind under the default name {@code model}. */
    abstract static class Kind implements QuarkusTestProfile {
        abstract String kind();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("synod.model.kind", kind());
        }
    }

    public static final class Ma extends Kind {
        String kind() {
            return "ma";
        }
    }

    public static final class Ema extends Kind {
        String kind() {
            return "ema";
        }
    }

    public static final class Trend extends Kind {
        String kind() {
            return "trend";
        }
    }

    public static final class Snaive extends Kind {
        String kind() {
            return "snaive";
        }
    }

    public static final class LossForecaster extends Kind {
        String kind() {
            return "loss-forecaster";
        }
    }

    /** The learning MLP, retraining often enough that a 250-step replay trains it several times. */
    public static final class Mlp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "synod.model.kind",
                    "mlp",
                    "synod.model.mlp.retrain-every",
                    "50",
                    "synod.model.mlp.min-samples",
                    "40",
                    "synod.model.device",
                    "auto");
        }
    }

    /** A saved MLP from a file: URL with its correct digest. */
    public static final class SavedDjl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "synod.model.kind",
                    "djl",
                    "synod.model.url",
                    SavedMlp.url(),
                    "synod.model.digest",
                    SavedMlp.sha256(),
                    "synod.model.device",
                    "cpu");
        }
    }

    /** The same saved MLP but a different expected digest: it must refuse to load. */
    public static final class WrongDigest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "synod.model.kind",
                    "djl",
                    "synod.model.url",
                    SavedMlp.url(),
                    "synod.model.digest",
                    "ab".repeat(32));
        }
    }

    public static final class NaiveBayes extends Kind {
        String kind() {
            return "naive-bayes";
        }
    }
}
