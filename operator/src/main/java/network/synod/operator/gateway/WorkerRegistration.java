package network.synod.operator.gateway;

/**
 * Body of PUT /v1/admin/topics/{topic}/workers/{worker}.
 *
 * @param url   base URL where the worker serves the Open Inference Protocol
 * @param model OIP model name
 * @param role  inferer or forecaster
 */
public record WorkerRegistration(String url, String model, String role) {
}
