package network.synod.cli;

import java.util.List;
import java.util.Map;

import network.synod.core.forecast.Forecaster;
import network.synod.core.replay.LossModel;

/** The workers beyond the five reference forecasters that {@code --workers all} adds. */
final class ExtraWorkers {

    private ExtraWorkers() {
    }

    static List<Forecaster> inferers() {
        return List.of();
    }

    static Map<String, LossModel> forecasters() {
        return Map.of();
    }

    static List<String> names() {
        return List.of();
    }
}
