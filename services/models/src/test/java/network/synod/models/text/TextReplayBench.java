package network.synod.models.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import network.synod.core.classification.ClassificationReplay;
import network.synod.core.classification.ClassificationScore;
import network.synod.core.classification.LabelSet;
import network.synod.core.classification.LabelledText;
import network.synod.core.classification.TextClassifier;

/** Not a test: java ... TextReplayBench N kind,kind,... — a quick replay of the corpus prefix while tuning. */
public final class TextReplayBench {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        List<LabelledText> messages = Corpus.first(n);
        List<TextClassifier> workers = new ArrayList<>();
        for (String kind : args[1].split(",")) {
            workers.add(TextClassifiers.create(kind, LabelSet.SPAM_HAM, 1));
        }
        long start = System.nanoTime();
        ClassificationReplay.Result r = ClassificationReplay.run(
                messages, workers, LabelSet.SPAM_HAM, ClassificationReplay.FIRST_SCORED, done -> {});
        System.out.printf(
                "messages %d scored %d in %.1f s%n", r.messages(), r.scored(), (System.nanoTime() - start) / 1e9);
        for (Map.Entry<String, ClassificationScore> e : r.workers().entrySet()) {
            System.out.printf(
                    "%-20s acc %.4f  logloss %.4f%n",
                    e.getKey(), e.getValue().accuracy(), e.getValue().logLoss());
        }
        System.out.printf(
                "%-20s acc %.4f  logloss %.4f%n",
                "network", r.network().accuracy(), r.network().logLoss());
    }
}
