package network.synod.models;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;

/**
 * Defaults for DJL's PyTorch engine that suit Synod's models, applied before the engine starts unless
 * the same setting was given as a system property or environment variable.
 */
public final class DjlRuntime {

    private DjlRuntime() {}

    /**
     * One intra-op and one inter-op thread: the networks are tiny, so extra threads only add hand-off cost
     * (a 3,000-step replay took 6.1 s with the default threads and 3.3 s with one on a busy 2-core machine).
     * Offline: the natives come in the pytorch-native jar and nothing may be fetched at run time.
     */
    public static void configure() {
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.default_engine", "PyTorch");
    }

    /** Which libtorch the PyTorch engine loaded, from where, and how many GPUs it sees. */
    public record NativeEngine(String version, String libraryDir, int gpuCount) {}

    /**
     * Starts the PyTorch engine if needed and says which natives it runs on. A CUDA image that silently loads
     * CPU natives still answers, only slowly, so the worker logs this at start for its operator to check.
     */
    public static NativeEngine pytorch() {
        configure();
        Engine engine = Engine.getEngine("PyTorch");
        return new NativeEngine(engine.getVersion(), LibUtils.getLibtorchPath(), engine.getGpuCount());
    }

    private static void setIfAbsent(String key, String value) {
        String env = key.toUpperCase().replace('.', '_');
        if (System.getProperty(key) == null && System.getenv(env) == null) {
            System.setProperty(key, value);
        }
    }
}
