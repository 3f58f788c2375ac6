package network.synod.operator.gateway;

import java.util.Optional;

/** The part of the gateway's admin API (docs/contracts.md) the operator drives; scoring shares the topic calls. */
public interface GatewayClient {

    /** PUT /v1/admin/topics/{topic}: creates or updates a topic. */
    void putTopic(String topic, TopicSettings settings);

    /** DELETE /v1/admin/topics/{topic}; a topic that is already gone counts as deleted. */
    void deleteTopic(String topic);

    /** PUT /v1/admin/topics/{topic}/workers/{worker}: registers or updates a worker's endpoint. */
    void putWorker(String topic, String worker, WorkerRegistration registration);

    /** DELETE /v1/admin/topics/{topic}/workers/{worker}; a worker that is already gone counts as removed. */
    void deleteWorker(String topic, String worker);

    /** GET /v1/topics/{topic}: the public topic view with its demand; empty when the topic is unknown. */
    Optional<TopicView> topic(String topic);

    /**
     * PUT (dormant) or DELETE (active) /v1/admin/topics/{topic}/workers/{worker}/dormant: the worker is scaled to zero
     * and gets no requests, or has a ready replica again; marking active something that is not dormant is fine.
     */
    void setDormant(String topic, String worker, boolean dormant);
}
