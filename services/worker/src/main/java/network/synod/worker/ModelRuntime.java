package network.synod.worker;

import java.nio.file.Path;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import network.synod.worker.model.ModelFactory;
import network.synod.worker.model.ServedModel;

/**
 * Holds the one served model and whether it is ready. Engine-backed kinds load on a background thread so
 * the server is live (and says "not ready") while PyTorch starts; a model that fails to load, for example
 * on a digest mismatch, stays not ready and every call reports why.
 */
@ApplicationScoped
public class ModelRuntime {

    private static final Logger LOG = Logger.getLogger(ModelRuntime.class);

    private final ModelSettings settings;
    private volatile ServedModel model;
    private volatile String failure;

    public ModelRuntime(ModelSettings settings) {
        this.settings = settings;
    }

    void onStart(@Observes StartupEvent event) {
        if (ModelFactory.usesEngine(settings.kind().trim())) {
            Thread loader = new Thread(this::load, "synod-model-loader");
            loader.setDaemon(true);
            loader.start();
        } else {
            load();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        ServedModel m = model;
        if (m != null) {
            m.close();
        }
    }

    /** The OIP name of the served model. */
    public String name() {
        return settings.name();
    }

    /** The model once it is ready. */
    public Optional<ServedModel> model() {
        return Optional.ofNullable(model);
    }

    /** Why the model is not ready. */
    public String notReadyReason() {
        String f = failure;
        return f != null ? "model " + name() + " failed to load: " + f : "model " + name() + " is loading";
    }

    private void load() {
        long start = System.nanoTime();
        try {
            Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "synod-models");
            ServedModel loaded = ModelFactory.create(settings, workDir);
            model = loaded;
            LOG.infof(
                    "serving model %s: kind %s on %s, sha256 %s, ready in %d ms",
                    name(), loaded.kind(), loaded.device(), loaded.sha256(), (System.nanoTime() - start) / 1_000_000);
        } catch (Exception | LinkageError e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.errorf(e, "model %s (kind %s) failed to load", name(), settings.kind());
        }
    }
}
