package network.synod.core.replay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import network.synod.core.forecast.ForecastContext;
import network.synod.core.forecast.Forecaster;
import network.synod.core.synthesis.NetworkInference;
import network.synod.core.synthesis.Synthesizer;
import network.synod.core.synthesis.TopicParams;
import network.synod.core.synthesis.TopicState;

/**
 * The whole network in one process, without services: the same workers and the same synthesis and scoring
 * functions the gateway and scoring services run, called directly. Used by {@code synod replay --offline}.
 */
public final class InProcessNetwork implements Network {

    private final TopicParams params;
    private final List<Forecaster> inferers;
    private final Map<String, LossModel> forecasters;
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private TopicState state = TopicState.initial();

    public InProcessNetwork(TopicParams params, List<Forecaster> inferers, Map<String, LossModel> forecasters) {
        this.params = params;
        this.inferers = List.copyOf(inferers);
        this.forecasters = new TreeMap<>(forecasters);
    }

    @Override
    public Answer ask(ForecastContext context) {
        SortedMap<String, Double> answers = new TreeMap<>();
        for (Forecaster f : inferers) {
            answers.put(f.name(), f.predict(context));
        }
        SortedMap<String, SortedMap<String, Double>> forecasts = new TreeMap<>();
        forecasters.forEach((name, model) -> {
            SortedMap<String, List<Double>> history = new TreeMap<>(state.recentLosses());
            history.keySet().retainAll(answers.keySet());
            if (!history.isEmpty()) {
                forecasts.put(name, new TreeMap<>(model.predict(context, history)));
            }
        });
        double last = context.lag(1);
        NetworkInference inference = Synthesizer.infer(params, state, last, answers, forecasts);
        pending.put(context.step(), new Pending(context, inference));
        SortedMap<String, Double> workers = new TreeMap<>(answers);
        workers.putAll(inference.bundle().forecastImplied());
        return new Answer(inference.value(), workers);
    }

    @Override
    public void reveal(long step, double truth) {
        Pending p = pending.remove(step);
        if (p == null) {
            throw new IllegalStateException("step " + step + " was never asked");
        }
        state = Synthesizer.score(params, state, p.inference, truth).next();
        for (Forecaster f : inferers) {
            f.observe(p.context, truth);
        }
    }

    public TopicState state() {
        return state;
    }

    private record Pending(ForecastContext context, NetworkInference inference) {}
}
