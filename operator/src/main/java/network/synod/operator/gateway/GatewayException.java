package network.synod.operator.gateway;

/** The gateway (or scoring) could not be reached or answered with an error. */
public class GatewayException extends RuntimeException {
    public GatewayException(String message) {
        super(message);
    }

    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
