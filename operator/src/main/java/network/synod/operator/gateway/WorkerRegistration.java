package network.synod.operator.gateway;

/**
 * Body of PUT /v1/admin/topics/{topic}/workers/{worker}.
 *
 * @param url         base URL where the worker serves the Open Inference Protocol
 * @param model       OIP model name
 * @param role        inferer or forecaster
 * @param publicKey   the Ed25519 key its receipts must verify under (base64 X.509), or null: receipts not checked
 * @param modelDigest the hex sha256 its receipts must name, or null: any
 */
public record WorkerRegistration(String url, String model, String role, String publicKey, String modelDigest) {}
