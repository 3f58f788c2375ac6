package network.synod.worker.model;

import java.util.Map;

import network.synod.core.forecast.ForecastContext;

/**
 * One validated inference request: the forecast context and any further input tensors by name.
 *
 * @param inferers the names in {@code parameters.inferers}, or null when absent
 */
public record ModelInput(ForecastContext context, Map<String, Tensor> tensors, String inferers) {}
