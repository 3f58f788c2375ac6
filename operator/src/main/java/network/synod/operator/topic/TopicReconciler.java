package network.synod.operator.topic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import jakarta.inject.Inject;

import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

import network.synod.operator.api.Topic;
import network.synod.operator.api.TopicSpec;
import network.synod.operator.api.TopicStatus;
import network.synod.operator.gateway.GatewayClient;
import network.synod.operator.gateway.GatewayException;
import network.synod.operator.gateway.SynodClients;
import network.synod.operator.gateway.TopicSettings;
import network.synod.operator.gateway.TopicView;
import network.synod.operator.status.Conditions;

/**
 * Creates and updates a Topic in the gateway and in scoring, reports the workers the gateway has registered on it,
 * and deletes it from both when the Topic is deleted.
 */
@ControllerConfiguration(name = "topic")
public class TopicReconciler implements Reconciler<Topic>, Cleaner<Topic> {
    static final String SYNCED = "Synced";
    private static final Duration REFRESH = Duration.ofSeconds(60);
    private static final Duration RETRY = Duration.ofSeconds(15);

    private final GatewayClient gateway;
    private final Optional<GatewayClient> scoring;

    @Inject
    public TopicReconciler(SynodClients clients) {
        this.gateway = clients.gateway();
        this.scoring = clients.scoring();
    }

    @Override
    public UpdateControl<Topic> reconcile(Topic topic, Context<Topic> context) {
        String name = topic.getMetadata().getName();
        TopicStatus status = topic.getStatus() == null ? new TopicStatus() : topic.getStatus();
        topic.setStatus(status);
        Long generation = topic.getMetadata().getGeneration();
        status.setObservedGeneration(generation);
        TopicSettings settings = settings(topic.getSpec());
        boolean synced;
        String message;
        try {
            gateway.putTopic(name, settings);
            scoring.ifPresent(s -> s.putTopic(name, settings));
            Optional<TopicView> view = gateway.topic(name);
            status.setRegisteredWorkers(
                    view.map(v -> new ArrayList<>(v.workers())).orElseGet(ArrayList::new));
            status.setLatestNetworkLoss(view.map(TopicView::networkLoss).orElse(null));
            synced = true;
            message = "topic configured in the gateway" + (scoring.isPresent() ? " and scoring" : "");
        } catch (GatewayException e) {
            synced = false;
            message = e.getMessage();
        }
        status.setConditions(Conditions.set(
                status.getConditions(),
                SYNCED,
                synced,
                synced ? "Configured" : "GatewayUnavailable",
                message,
                generation,
                Instant.now()));
        return UpdateControl.patchStatus(topic).rescheduleAfter(synced ? REFRESH : RETRY);
    }

    @Override
    public DeleteControl cleanup(Topic topic, Context<Topic> context) {
        String name = topic.getMetadata().getName();
        try {
            gateway.deleteTopic(name);
            scoring.ifPresent(s -> s.deleteTopic(name));
            return DeleteControl.defaultDelete();
        } catch (GatewayException e) {
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(RETRY);
        }
    }

    /** The admin API body for a topic spec (docs/contracts.md). */
    static TopicSettings settings(TopicSpec spec) {
        return new TopicSettings(spec.getLossFunction(), spec.getSeason(), spec.getSynthesisMode());
    }
}
