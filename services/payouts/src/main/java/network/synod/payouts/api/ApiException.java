package network.synod.payouts.api;

import network.synod.web.Problem;

/** A request the service refuses, with the HTTP status and the problem title it is reported under. */
public class ApiException extends Problem {

    public ApiException(int status, String title, String detail) {
        super(status, title, detail);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad request", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail);
    }

    public static ApiException insufficient(String detail) {
        return new ApiException(422, "Insufficient funds", detail);
    }

    public static ApiException replayed(String detail) {
        return new ApiException(409, "Request already applied", detail);
    }
}
