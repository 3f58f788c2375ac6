package network.synod.models.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

import network.synod.core.forecast.ForecastContext;

/**
 * Turns a forecast context into the network's scale-free inputs and the network's output back into a
 * forecast in the series' own units.
 */
public final class NeuralTranslator implements NoBatchifyTranslator<ForecastContext, Double> {

    private static final String SCALE = "scale";
    private static final String LAST = "last";

    private final NeuralFeatures features;

    public NeuralTranslator(NeuralFeatures features) {
        this.features = features;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, ForecastContext input) {
        double[] window = input.window();
        int end = window.length;
        ctx.setAttachment(SCALE, features.scale(window, end));
        ctx.setAttachment(LAST, window[end - 1]);
        NDArray x = ctx.getNDManager().create(features.at(window, end)).reshape(1, features.size());
        return new NDList(x);
    }

    @Override
    public Double processOutput(TranslatorContext ctx, NDList list) {
        double step = list.singletonOrThrow().toFloatArray()[0];
        return (Double) ctx.getAttachment(LAST) + (Double) ctx.getAttachment(SCALE) * step;
    }
}
