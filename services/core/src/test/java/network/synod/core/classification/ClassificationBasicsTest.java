package network.synod.core.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClassificationBasicsTest {

    @Test
    void labelSetsKeepTheirOrderAndRefuseStrangers() {
        LabelSet l = LabelSet.parse("ham, spam");
        assertEquals(1, l.index("spam"));
        assertEquals("spam", l.argmax(new double[] {0.2, 0.8}));
        assertEquals("ham", l.argmax(new double[] {0.5, 0.5}), "ties go to the earlier label");
        assertThrows(IllegalArgumentException.class, () -> l.index("eggs"));
        assertThrows(IllegalArgumentException.class, () -> LabelSet.of("ham", "ham"));
        assertThrows(IllegalArgumentException.class, () -> LabelSet.of("ham"));
    }

    @Test
    void scoresAccuracyAndClippedLogLoss() {
        ClassificationScore s = new ClassificationScore();
        s.add(new double[] {0.8, 0.2}, 0);
        s.add(new double[] {0.0, 1.0}, 0);
        assertEquals(0.5, s.accuracy());
        assertEquals((-Math.log(0.8) - Math.log(1e-15)) / 2, s.logLoss(), 1e-12);
    }

    @Test
    void hashesSeeEveryLabelProbabilityAndBoundary() {
        String h = ClassificationHashes.outputHash(List.of("spam"), new double[] {0.1, 0.9});
        assertNotEquals(h, ClassificationHashes.outputHash(List.of("ham"), new double[] {0.1, 0.9}));
        assertNotEquals(h, ClassificationHashes.outputHash(List.of("spam"), new double[] {0.1, Math.nextUp(0.9)}));
        assertNotEquals(
                ClassificationHashes.inputHash("r", List.of("ab", "c")),
                ClassificationHashes.inputHash("r", List.of("a", "bc")));
        assertNotEquals(
                ClassificationHashes.inputHash("r1", List.of("a")), ClassificationHashes.inputHash("r2", List.of("a")));
    }
}
