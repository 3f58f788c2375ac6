package network.synod.worker.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import network.synod.core.classification.LabelSet;
import network.synod.core.classification.TextClassifier;

/**
 * A text classifier served over OIP: input {@code text} (BYTES [n]), outputs {@code label} (BYTES [n]) and
 * {@code probabilities} (FP64 [n, k], the subnet's label order). It learns only from labels revealed through
 * {@link #reveal}, each message id at most once; asking about a text teaches it nothing.
 */
public final class ClassificationModel implements ServedModel {

    public static final String TEXT = "text";
    public static final String LABEL = "label";
    public static final String PROBABILITIES = "probabilities";

    private final String kind;
    private final String platform;
    private final String sha256;
    private final TextClassifier classifier;
    private final Set<String> revealedIds = new HashSet<>();

    /** One revealed label: the message's id, its text and its label. */
    public record Revealed(String id, String text, String label) {}

    /** The answer to n texts: their labels and the n × k probabilities, row-major. */
    public record Answer(List<String> labels, double[] probabilities) {}

    public ClassificationModel(String kind, String platform, String sha256, TextClassifier classifier) {
        this.kind = kind;
        this.platform = platform;
        this.sha256 = sha256;
        this.classifier = classifier;
    }

    public LabelSet labels() {
        return classifier.labels();
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public List<TensorSpec> inputs() {
        return List.of(TensorSpec.bytes(TEXT, -1));
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of(
                TensorSpec.bytes(LABEL, -1),
                TensorSpec.fp64(PROBABILITIES, -1, classifier.labels().size()));
    }

    /** Not a forecaster: the OIP resource calls {@link #classify} for this model. */
    @Override
    public Tensor infer(ModelInput input) {
        throw new IllegalStateException("a classification model answers classify(), not infer()");
    }

    /** The labels and probabilities of the texts, as the labels revealed so far teach. */
    public synchronized Answer classify(List<String> texts) {
        int k = classifier.labels().size();
        double[] all = new double[texts.size() * k];
        List<String> labels = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            double[] p = classifier.probabilities(texts.get(i));
            System.arraycopy(p, 0, all, i * k, k);
            labels.add(classifier.labels().argmax(p));
        }
        return new Answer(labels, all);
    }

    /**
     * Learns from a batch of revealed labels, in order. The whole batch is checked first: a label outside the
     * subnet's set, a blank id or an id revealed before refuses it all and nothing is learnt.
     *
     * @return how many labels this worker has learnt from in all
     * @throws IllegalArgumentException for a label outside the set or a malformed entry
     * @throws IllegalStateException for an id revealed before (or twice in the batch)
     */
    public synchronized int reveal(List<Revealed> batch) {
        Set<String> ids = new HashSet<>();
        for (Revealed r : batch) {
            if (r.id() == null || r.id().isBlank() || r.text() == null || r.label() == null) {
                throw new IllegalArgumentException("every revealed label needs a non-blank id, a text and a label");
            }
            if (!classifier.labels().contains(r.label())) {
                throw new IllegalArgumentException(
                        "message " + r.id() + ": label '" + r.label() + "' is not one of the subnet's labels "
                                + classifier.labels().names());
            }
            if (revealedIds.contains(r.id()) || !ids.add(r.id())) {
                throw new IllegalStateException("the label of message " + r.id() + " was revealed already");
            }
        }
        for (Revealed r : batch) {
            classifier.learn(r.text(), r.label());
            revealedIds.add(r.id());
        }
        return revealedIds.size();
    }

    @Override
    public void close() {
        classifier.close();
    }
}
