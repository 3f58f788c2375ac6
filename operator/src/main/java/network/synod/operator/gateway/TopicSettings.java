package network.synod.operator.gateway;

/**
 * Body of PUT /v1/admin/topics/{topic}.
 *
 * @param lossFunction mse, mae or logloss
 * @param season       seasonal period, or null
 * @param mode         allora or synod
 */
public record TopicSettings(String lossFunction, Integer season, String mode) {}
